using Squall.Connectors.Files;

namespace Squall.Connectors.Tests.Files;

[Trait("Category", "Unit")]
public sealed class FileProgressTests
{
    [Fact]
    public void The_committed_offset_is_the_start_of_the_first_line_not_acked()
    {
        var progress = new FileProgress("f", committed: 0);
        progress.Emitted(0, 10);
        progress.Emitted(10, 25);
        progress.Emitted(25, 30);

        progress.Acked(10).ShouldBeFalse("line 0 is still in flight");
        progress.Committed.ShouldBe(0);
        progress.Acked(0).ShouldBeTrue();
        progress.Committed.ShouldBe(25);
        progress.Acked(25).ShouldBeTrue();
        progress.Committed.ShouldBe(30);
    }

    [Fact]
    public void A_file_is_finished_when_read_to_the_end_and_everything_acked()
    {
        var progress = new FileProgress("f", committed: 40);
        progress.ReadPosition.ShouldBe(40);
        progress.Emitted(40, 50);
        progress.AtEnd = true;
        progress.Finished.ShouldBeFalse();

        progress.Acked(40);

        progress.Finished.ShouldBeTrue();
        progress.Committed.ShouldBe(50);
    }
}
