using System.IO.Compression;
using System.Text;
using Squall.Cluster.Packaging;
using Squall.Cluster.State;

namespace Squall.Cluster.Tests.Unit;

/// <summary>Unpacking stops at the limits (zip bombs, too many entries), and nothing leaves the package.</summary>
[Trait("Category", "Unit")]
public sealed class PackageArchiveTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("squall-archive-test-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_zip_bomb_stops_at_the_unpacked_limit_and_leaves_nothing_behind()
    {
        // 64 MiB of zeros compresses to a few tens of KiB.
        var zip = Zip(("big.bin", new byte[64 * 1024 * 1024]), (PackageManifest.FileName, Manifest("big.bin")));
        new FileInfo(zip).Length.ShouldBeLessThan(1024 * 1024);

        var error = Should.Throw<InvalidDataException>(() => PackageArchive.Extract(zip, Target, new PackageLimits { MaxUnpackedBytes = 8 * 1024 * 1024 }));

        error.Message.ShouldContain("nimbus.max.package.unpacked.bytes");
        Directory.EnumerateDirectories(_dir).ShouldBeEmpty();
    }

    [Fact]
    public void A_zip_whose_entries_lie_about_their_size_still_stops_at_the_limit()
    {
        // Many small entries: each passes the declared-size check, their sum does not.
        var entries = Enumerable.Range(0, 20).Select(i => ($"part-{i}.bin", new byte[1024 * 1024])).Append((PackageManifest.FileName, Manifest("part-0.bin"))).ToArray();
        var zip = Zip(entries);

        Should.Throw<InvalidDataException>(() => PackageArchive.Extract(zip, Target, new PackageLimits { MaxUnpackedBytes = 5 * 1024 * 1024 }));
        Directory.EnumerateDirectories(_dir).ShouldBeEmpty();
    }

    [Fact]
    public void Too_many_entries_are_refused_before_anything_is_written()
    {
        var zip = Zip([.. Enumerable.Range(0, 50).Select(i => ($"f{i}.txt", new byte[1])), (PackageManifest.FileName, Manifest("f0.txt"))]);

        Should.Throw<InvalidDataException>(() => PackageArchive.Extract(zip, Target, new PackageLimits { MaxEntries = 10 }))
            .Message.ShouldContain("nimbus.max.package.entries");
    }

    [Fact]
    public void An_entry_pointing_outside_the_package_is_refused()
    {
        var zip = Zip(("../escape.txt", [1]), (PackageManifest.FileName, Manifest("x.dll")));

        Should.Throw<InvalidDataException>(() => PackageArchive.Extract(zip, Target, new PackageLimits())).Message.ShouldContain("outside the package");
        File.Exists(Path.Combine(_dir, "escape.txt")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("../outside.dll")]
    [InlineData("/etc/passwd")]
    [InlineData("sub/../../outside.dll")]
    public void A_manifest_naming_an_assembly_outside_the_package_is_refused(string mainAssembly)
    {
        var package = Directory.CreateDirectory(Path.Combine(_dir, "package")).FullName;
        File.WriteAllText(Path.Combine(_dir, "outside.dll"), "x");

        Should.Throw<InvalidDataException>(() => TopologyLoader.ResolveMainAssembly(package, new PackageManifest(mainAssembly, "T")))
            .Message.ShouldContain("outside the package");
    }

    [Fact]
    public void A_package_within_the_limits_unpacks()
    {
        var zip = Zip(("Topology.dll", Encoding.UTF8.GetBytes("not really")), (PackageManifest.FileName, Manifest("Topology.dll")));

        var manifest = PackageArchive.Extract(zip, Target, new PackageLimits { MaxEntries = 2, MaxUnpackedBytes = 1024 });

        manifest.MainAssembly.ShouldBe("Topology.dll");
        TopologyLoader.ResolveMainAssembly(Target, manifest).ShouldBe(Path.Combine(Target, "Topology.dll"));
    }

    [Fact]
    public void A_file_that_is_not_an_assembly_is_named_as_such()
    {
        var dll = Path.Combine(_dir, "Fake.dll");
        File.WriteAllText(dll, "not an assembly");

        Should.Throw<InvalidDataException>(() => TopologyLoader.LoadAssembly(new TopologyLoadContext(dll, isCollectible: true), dll))
            .Message.ShouldBe($"'{dll}' is not a .NET assembly.");
    }

    private string Target => Path.Combine(_dir, "unpacked");

    private static byte[] Manifest(string dll) => ClusterJson.Serialize(new PackageManifest(dll, "Some.Source"));

    private string Zip(params (string Name, byte[] Content)[] entries)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                stream.Write(content);
            }
        }

        return path;
    }
}
