using Squall.Cluster.State;

namespace Squall.Cluster.Supervisor;

/// <summary>A slot's directory: <c>{storm.local.dir}/supervisor/workers/{port}/</c> with the worker's record, heartbeat and log.</summary>
internal sealed class SlotFiles
{
    public SlotFiles(string supervisorDir, int port)
    {
        Dir = Path.Combine(supervisorDir, "workers", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(Dir);
    }

    public string Dir { get; }

    public string RecordPath => Path.Combine(Dir, "worker.json");

    public string HeartbeatPath => Path.Combine(Dir, "heartbeat.json");

    public string LogPath => Path.Combine(Dir, "worker.log");

    public WorkerRecord? ReadRecord() => Read<WorkerRecord>(RecordPath);

    public WorkerHeartbeat? ReadHeartbeat() => Read<WorkerHeartbeat>(HeartbeatPath);

    public void WriteRecord(WorkerRecord record) => WriteAtomically(RecordPath, ClusterJson.Serialize(record));

    public void Clear()
    {
        File.Delete(RecordPath);
        File.Delete(HeartbeatPath);
    }

    /// <summary>Writes through a temporary file and a rename, so a reader never sees half a file.</summary>
    public static void WriteAtomically(string path, byte[] content)
    {
        var temp = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllBytes(temp, content);
        File.Move(temp, path, overwrite: true);
    }

    private static T? Read<T>(string path)
        where T : class
    {
        try
        {
            return File.Exists(path) ? ClusterJson.Deserialize<T>(File.ReadAllBytes(path)) : null;
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
