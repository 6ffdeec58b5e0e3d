namespace Squall.Multilang;

/// <summary>Configuration keys of shell components beyond Storm's own (<see cref="Config"/> holds those).</summary>
public static class MultilangConfig
{
    /// <summary>
    /// <c>squall.multilang.resources.dir</c>: the folder shell components run in and resolve their scripts from
    /// (Storm's extracted <c>resources/</c>). Default: <c>resources</c> next to the entry assembly when it exists,
    /// else <c>resources</c> under the current directory. Squall's <c>storm.py</c>, <c>storm.js</c> and <c>storm.rb</c> are copied
    /// there by the build of any project referencing Squall.Multilang.
    /// </summary>
    public const string ResourcesDir = "squall.multilang.resources.dir";

    /// <summary>
    /// <c>squall.multilang.handshake.timeout.secs</c>: how long a starting child may take to answer the handshake
    /// (default 120). Storm waits without a limit; a child slower than this is reported, killed and relaunched
    /// with back-off, never given up on.
    /// </summary>
    public const string HandshakeTimeoutSecs = "squall.multilang.handshake.timeout.secs";

    /// <summary>Storm's fallback for the subprocess timeout when <c>topology.subprocess.timeout.secs</c> is unset.</summary>
    public const string SupervisorWorkerTimeoutSecs = "supervisor.worker.timeout.secs";
}
