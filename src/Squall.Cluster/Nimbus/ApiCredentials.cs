using System.Security.Cryptography;
using System.Text;
using Squall.Cluster.Configuration;

namespace Squall.Cluster.Nimbus;

/// <summary>
/// Which bearer token opens which call. The client token (<c>squall.api.token</c>) writes and reads; the read
/// token (<c>squall.api.read.token</c>) only reads; the supervisor token (<c>squall.supervisor.token</c>) only
/// heartbeats and downloads packages. No token opens another's calls, so a leaked client token cannot
/// register a supervisor, and a supervisor's cannot submit or kill.
/// </summary>
internal sealed class ApiCredentials(string token, string? readToken, string supervisorToken)
{
    public static ApiCredentials From(NimbusOptions options) => new(options.Token, options.ReadToken, options.SupervisorToken);

    /// <summary>The tokens that open calls of <paramref name="access"/>.</summary>
    public IEnumerable<string> TokensFor(ApiAccess access) => access switch
    {
        ApiAccess.Write => [token],
        ApiAccess.Read => readToken is null ? [token] : [token, readToken],
        _ => [supervisorToken],
    };

    /// <summary>Compares in constant time, so the answer's timing says nothing about how much of a token was right.</summary>
    public bool Allows(ApiAccess access, string authorization)
    {
        var given = Encoding.UTF8.GetBytes(authorization);
        var allowed = false;
        foreach (var candidate in TokensFor(access))
        {
            allowed |= CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes("Bearer " + candidate));
        }

        return allowed;
    }
}
