using PrepBot.Conversation;
using PrepBot.Discord;
using PrepBot.Discord.Models;
using PrepBot.DiscordFrontEnd;
using ButtonStyle = PrepBot.Conversation.ButtonStyle;
using SelectOption = PrepBot.Conversation.SelectOption;

namespace PrepBot.Tests.DiscordFrontEnd;

public sealed class ReplyRendererTests
{
    private static readonly DateTimeOffset Instant = new(2026, 3, 2, 18, 2, 0, TimeSpan.Zero);

    [Fact]
    public void A_mention_becomes_Discord_user_markup()
    {
        var rendered = ReplyRenderer.Render(Reply.Text($"Started by {ReplyText.Mention("1300000000000000011", "Ada_*")}."));

        Assert.Equal("Started by <@1300000000000000011>.", Assert.Single(rendered.Messages).Content);
    }

    [Fact]
    public void A_channel_becomes_Discord_channel_markup()
    {
        var rendered = ReplyRenderer.Render(Reply.Text($"Posting in {ReplyText.Channel("1200000000000000001", "daily")}."));

        Assert.Equal("Posting in <#1200000000000000001>.", Assert.Single(rendered.Messages).Content);
    }

    [Theory]
    [InlineData(TimeStyle.ShortTime, "<t:1772474520:t>")]
    [InlineData(TimeStyle.LongTime, "<t:1772474520:T>")]
    [InlineData(TimeStyle.ShortDateTime, "<t:1772474520:f>")]
    [InlineData(TimeStyle.LongDateTime, "<t:1772474520:F>")]
    [InlineData(TimeStyle.Relative, "<t:1772474520:R>")]
    [InlineData(TimeStyle.Deadline, "time is up <t:1772474520:R>")]
    public void A_time_becomes_a_Discord_timestamp_in_its_style(TimeStyle style, string expected)
    {
        var rendered = ReplyRenderer.Render(Reply.Text($"**Timer**: {ReplyText.Time(Instant, style)}."));

        Assert.Equal($"**Timer**: {expected}.", Assert.Single(rendered.Messages).Content);
    }

    [Fact]
    public void Values_in_the_spoiler_are_rendered_too()
    {
        var rendered = ReplyRenderer.Render(Reply.Text("Answer") with { Spoiler = $"Ask {ReplyText.Mention("42")}" });

        Assert.Contains("<@42>", Assert.Single(rendered.Messages).Content, StringComparison.Ordinal);
    }

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
