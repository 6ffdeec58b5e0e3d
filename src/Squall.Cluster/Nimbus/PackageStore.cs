using Squall.Cluster.Packaging;

namespace Squall.Cluster.Nimbus;

/// <summary>A Nimbus's packages on local disk: <c>{storm.local.dir}/nimbus/packages/{topology-id}.zip</c>.</summary>
internal sealed class PackageStore
{
    private readonly string _dir;

    public PackageStore(string dir)
    {
        _dir = dir;
        Directory.CreateDirectory(dir);
        foreach (var partial in Directory.EnumerateFiles(dir, "*.tmp"))
        {
            File.Delete(partial); // left by a crash mid-write
        }
    }

    public string PathOf(string topologyId) => Path.Combine(_dir, topologyId + ".zip");

    public bool Has(string topologyId, string hash) => File.Exists(PathOf(topologyId)) && PackageArchive.HashFile(PathOf(topologyId)) == hash;

    public IEnumerable<string> TopologyIds => Directory.EnumerateFiles(_dir, "*.zip").Select(Path.GetFileNameWithoutExtension).OfType<string>();

    /// <summary>A temporary file in the store for a package on its way in; a crash leaves a <c>.tmp</c> that the next start deletes.</summary>
    public PackageUpload BeginUpload() => new(Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".tmp"));

    /// <summary>Makes a whole upload the package of <paramref name="topologyId"/> by a rename, so a package on disk is always whole.</summary>
    public void Adopt(string topologyId, PackageUpload upload) => File.Move(upload.Path, PathOf(topologyId), overwrite: true);

    public void Delete(string topologyId)
    {
        if (File.Exists(PathOf(topologyId)))
        {
            File.Delete(PathOf(topologyId));
        }
    }
}
