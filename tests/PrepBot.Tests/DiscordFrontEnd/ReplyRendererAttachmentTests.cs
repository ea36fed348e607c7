using PrepBot.Conversation;
using PrepBot.DiscordFrontEnd;

namespace PrepBot.Tests.DiscordFrontEnd;

public sealed class ReplyRendererAttachmentTests
{
    private static readonly ReplyAttachment Chart = new("chart.png", "image/png", new byte[] { 1, 2, 3 }) { Description = "Reviews per day" };

    [Fact]
    public void Attachment_goes_with_the_last_message_and_is_listed_in_its_attachments()
    {
        var reply = Reply.Text(string.Join("\n\n", Enumerable.Range(1, 40).Select(i => $"Line {i} " + new string('x', 80)))) with { Attachments = [Chart] };

        var rendered = ReplyRenderer.Render(reply);

        Assert.True(rendered.Messages.Count > 1);
        Assert.All(rendered.Messages.SkipLast(1), m => Assert.Null(m.Attachments));
        var listed = Assert.Single(rendered.Messages[^1].Attachments!);
        Assert.Equal(("0", "chart.png", "Reviews per day"), (listed.Id.ToString(), listed.Filename, listed.Description));
        var file = Assert.Single(rendered.Files);
        Assert.Equal(("chart.png", "image/png"), (file.Filename, file.ContentType));
        Assert.Equal([1, 2, 3], file.Content.ToArray());
    }

    [Fact]
    public void Reply_without_attachments_sends_no_files()
    {
        var rendered = ReplyRenderer.Render(Reply.Text("Hello"));

        Assert.Empty(rendered.Files);
        Assert.Null(Assert.Single(rendered.Messages).Attachments);
    }

    [Fact]
    public void Overlong_alt_text_is_cut_to_discords_1024()
    {
        var rendered = ReplyRenderer.Render(Reply.Text("x") with { Attachments = [Chart with { Description = new string('a', 2000) }] });

        Assert.Equal(1024, rendered.Files[0].Description!.Length);
    }
}
