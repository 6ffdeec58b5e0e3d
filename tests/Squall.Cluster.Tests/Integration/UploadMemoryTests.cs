using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Squall.Cluster.Nimbus;
using Squall.Cluster.Packaging;
using Squall.Cluster.State;
using Squall.Cluster.Tests.Cluster;
using Squall.Cluster.TestTopology;
using Xunit.Abstractions;

namespace Squall.Cluster.Tests.Integration;

/// <summary>
/// A package near <c>nimbus.max.package.bytes</c> passes through Nimbus without being held in memory: measured by what
/// this process allocates during the submit and by its live heap after a forced, full collection (exact counts, not
/// time). Working sets are printed for the record, not asserted: the OS decides when pages go back.
/// </summary>
[Trait("Category", "Integration")]
[Collection("cluster")] // the measures are this process's: no other test may run meanwhile
public sealed class UploadMemoryTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const long Padding = 48L * 1024 * 1024;
    private const long Limit = Padding + (16L * 1024 * 1024); // the package fits just under the limit
    private readonly string _dir = Directory.CreateTempSubdirectory("squall-upload-test-").FullName;
    private InProcessNimbus _nimbus = null!;

    public async Task InitializeAsync() => _nimbus = await InProcessNimbus.StartAsync(o => o with { PackageLimits = new PackageLimits { MaxPackageBytes = Limit } });

    public async Task DisposeAsync()
    {
        await _nimbus.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task A_big_upload_is_streamed_to_disk_and_the_heap_returns_to_its_level()
    {
        var (small, big) = Packages();
        await SubmitAsync("warm-up", small); // the first submit loads and compiles code: not the upload's cost
        var heapBefore = LiveHeap();
        var workingSetBefore = Environment.WorkingSet;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        await SubmitAsync("big", big);

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var heapAfter = LiveHeap();
        output.WriteLine($"package {new FileInfo(big).Length / 1048576.0:F1} MiB; allocated during the submit {allocated / 1048576.0:F1} MiB; " +
            $"live heap {heapBefore / 1048576.0:F1} -> {heapAfter / 1048576.0:F1} MiB; working set {workingSetBefore / 1048576.0:F1} -> {Environment.WorkingSet / 1048576.0:F1} MiB");
        allocated.ShouldBeLessThan(Padding / 4, "the package is never buffered whole (a buffer of it alone would be 48 MiB)");
        (heapAfter - heapBefore).ShouldBeLessThan(8L * 1024 * 1024, "nothing of the package stays in memory");
    }

    private async Task SubmitAsync(string name, string zipPath)
    {
        await using var file = File.OpenRead(zipPath);
        var content = new StreamContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        var conf = new Dictionary<string, string>(StringComparer.Ordinal) { [CountingWordsTopology.Output] = Path.Combine(_dir, "out") };
        content.Headers.Add(NimbusApi.ConfHeader, Convert.ToBase64String(ClusterJson.Serialize(conf)));
        using var request = InProcessNimbus.Request(HttpMethod.Post, $"api/v1/topology?name={name}", content);
        using var response = await _nimbus.Http.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The counting-words package, and the same with 48 MiB of incompressible padding (stored, so the zip is that big).</summary>
    private (string Small, string Big) Packages()
    {
        var small = Path.Combine(_dir, "small.zip");
        File.WriteAllBytes(small, PackageBuilder.Build(WordCountRun.TopologyDll, null).Zip);
        var big = Path.Combine(_dir, "big.zip");
        File.Copy(small, big);
        using var zip = ZipFile.Open(big, ZipArchiveMode.Update);
        using var padding = zip.CreateEntry("padding.bin", CompressionLevel.NoCompression).Open();
        var chunk = new byte[64 * 1024];
        for (long written = 0; written < Padding; written += chunk.Length)
        {
            RandomNumberGenerator.Fill(chunk);
            padding.Write(chunk);
        }

        return (small, big);
    }

    private static long LiveHeap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
