using PrepBot.Conversation;
using PrepBot.Discord;
using PrepBot.Discord.Models;
using PrepBot.DiscordFrontEnd;
using ButtonStyle = PrepBot.Conversation.ButtonStyle;
using SelectOption = PrepBot.Conversation.SelectOption;

namespace PrepBot.Tests.DiscordFrontEnd;

public sealed class ReplyRendererTests
{
    [Fact]
    public void Private_reply_is_ephemeral_and_pings_nobody()
    {
        var rendered = ReplyRenderer.Render(Reply.Text("Hello @everyone, see <@&123>"));

        var message = Assert.Single(rendered.Messages);
        Assert.Equal(MessageFlags.Ephemeral, message.Flags);
        Assert.NotNull(message.AllowedMentions);
        Assert.Empty(message.AllowedMentions.Parse!);
    }

    [Fact]
    public void Public_reply_has_no_ephemeral_flag_but_still_pings_nobody()
    {
        var rendered = ReplyRenderer.Render(Reply.Text("Daily question") with { IsPrivate = false });

        var message = Assert.Single(rendered.Messages);
        Assert.Null(message.Flags);
        Assert.Empty(message.AllowedMentions!.Parse!);
    }

    [Fact]
    public void Long_text_is_split_under_2000_characters_with_the_buttons_on_the_last_message()
    {
        var paragraphs = string.Join("\n\n", Enumerable.Range(0, 60).Select(i => $"Paragraph {i}: " + new string('x', 90)));
        var reply = Reply.Text(paragraphs) with { Buttons = [new ReplyButton("Next", "cmd:quiz", ButtonStyle.Primary)] };

        var rendered = ReplyRenderer.Render(reply);

        Assert.True(rendered.Messages.Count > 1);
        Assert.All(rendered.Messages, m => Assert.True(m.Content!.Length <= DiscordLimits.MaxContentLength));
        Assert.All(rendered.Messages.SkipLast(1), m => Assert.Null(m.Components));
        Assert.NotNull(rendered.Messages[^1].Components);
        Assert.All(rendered.Messages, m => DiscordLimits.Validate(new WebhookMessage { Content = m.Content, Components = m.Components, Flags = m.Flags }));
    }

    [Fact]
    public void Buttons_go_five_to_a_row_at_most_five_rows_and_long_labels_are_cut()
    {
        var buttons = Enumerable.Range(0, 30).Select(i => new ReplyButton(new string('L', 100) + i, $"id-{i}")).ToList();

        var rendered = ReplyRenderer.Render(Reply.Text("Pick") with { Buttons = buttons });

        var rows = rendered.Messages[^1].Components!;
        Assert.Equal(ReplyRenderer.MaxRows, rows.Count);
        Assert.All(rows, row => Assert.Equal(ReplyRenderer.ButtonsPerRow, row.Components!.Count));
        Assert.All(rows.SelectMany(r => r.Components!), b => Assert.True(b.Label!.Length <= DiscordLimits.MaxButtonLabelLength));
        DiscordLimits.Validate(new WebhookMessage { Content = rendered.Messages[^1].Content, Components = rows });
    }

    [Fact]
    public void Select_gets_its_own_row_before_the_buttons()
    {
        var reply = Reply.Text("Which?") with
        {
            Select = new ReplySelect("study:c", "Choose", [new SelectOption("A", "A"), new SelectOption("B", "B")]),
            Buttons = [new ReplyButton("Hint", "study:h")],
        };

        var rows = ReplyRenderer.Render(reply).Messages[^1].Components!;

        Assert.Equal(ComponentType.StringSelect, rows[0].Components![0].Type);
        Assert.Equal(ComponentType.Button, rows[1].Components![0].Type);
    }

    [Fact]
    public void Form_becomes_a_modal_with_labelled_paragraph_inputs_within_limits()
    {
        var form = new ModalRequest("study:w", "A title that is far too long for Discord's modal title limit",
            [new ModalField("answer", "SQL query", IsParagraph: true, Placeholder: "SELECT ...")]);

        var rendered = ReplyRenderer.Render(Reply.Form(form));

        Assert.NotNull(rendered.Modal);
        Assert.Equal(InteractionCallbackType.Modal, rendered.Modal.Type);
        Assert.True(rendered.Modal.Data!.Title!.Length <= DiscordLimits.MaxModalTitleLength);
        var label = Assert.Single(rendered.Modal.Data.Components!);
        Assert.Equal(ComponentType.Label, label.Type);
        Assert.Equal((int)TextInputStyle.Paragraph, label.Child!.Style);
        DiscordLimits.Validate(rendered.Modal);
    }
}
