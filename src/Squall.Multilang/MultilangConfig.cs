namespace Squall.Multilang;

/// <summary>Configuration keys of shell components beyond Storm's own (<see cref="Config"/> holds those).</summary>
public static class MultilangConfig
{
    /// <summary>
    /// <c>squall.multilang.resources.dir</c>: the folder shell components run in and resolve their scripts from
    /// (Storm's extracted <c>resources/</c>). Default: <c>resources</c> next to the entry assembly when it exists,
    /// else <c>resources</c> under the current directory. Squall's <c>storm.py</c> and <c>storm.js</c> are copied
    /// there by the build of any project referencing Squall.Multilang.
    /// </summary>
    public const string ResourcesDir = "squall.multilang.resources.dir";

    /// <summary>Storm's fallback for the subprocess timeout when <c>topology.subprocess.timeout.secs</c> is unset.</summary>
    public const string SupervisorWorkerTimeoutSecs = "supervisor.worker.timeout.secs";
}
