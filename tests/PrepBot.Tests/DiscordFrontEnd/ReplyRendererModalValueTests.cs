using PrepBot.Conversation;
using PrepBot.Discord;
using PrepBot.DiscordFrontEnd;

namespace PrepBot.Tests.DiscordFrontEnd;

public sealed class ReplyRendererModalValueTests
{
    [Fact]
    public void Form_field_with_a_starting_value_renders_it_as_the_text_inputs_value()
    {
        var form = new ModalRequest("star:s:1:0:-:card", "STAR", [new ModalField("situation", "Situation", IsParagraph: true, IsRequired: false, Value: "Last spring…")]);

        var rendered = ReplyRenderer.Render(Reply.Form(form));

        Assert.Equal("Last spring…", Assert.Single(rendered.Modal!.Data!.Components!).Child!.Value);
        DiscordLimits.Validate(rendered.Modal);
    }

    [Fact]
    public void Starting_value_longer_than_the_fields_limit_is_cut_to_it()
    {
        var form = new ModalRequest("star:s:1:0:-:card", "STAR", [new ModalField("task", "Task", IsParagraph: true, MaxLength: 10, Value: new string('x', 50))]);

        var rendered = ReplyRenderer.Render(Reply.Form(form));

        Assert.Equal(10, Assert.Single(rendered.Modal!.Data!.Components!).Child!.Value!.Length);
    }

    [Fact]
    public void Field_without_a_starting_value_sends_none()
    {
        var form = new ModalRequest("study:w", "Answer", [new ModalField("answer", "Answer", IsParagraph: true)]);

        Assert.Null(Assert.Single(ReplyRenderer.Render(Reply.Form(form)).Modal!.Data!.Components!).Child!.Value);
    }
}
