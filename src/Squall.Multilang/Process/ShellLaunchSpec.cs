using Squall.Multilang.Protocol;

namespace Squall.Multilang.Process;

/// <summary>Everything needed to start one child: argv [command, script], where, with what, speaking which codec.</summary>
internal sealed record ShellLaunchSpec(
    string Command,
    string Script,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment,
    IShellSerializer Serializer,
    string ComponentId,
    int TaskId,
    TimeSpan Timeout,
    TimeSpan HandshakeTimeout);
