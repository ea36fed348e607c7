using PrepBot.Discord.Models;

namespace PrepBot.Discord.Tests;

public sealed class DiscordLimitsTests
{
    private static Component GradeButton(int i) => Component.Button(ButtonStyle.Primary, $"grade:{i}", $"Grade {i}");

    [Fact]
    public void Sixth_button_in_a_row_is_named_by_its_path()
    {
        var message = new MessageCreate
        {
            Content = "Grade your answer",
            Components = [Component.ActionRow(GradeButton(0)), Component.ActionRow(Enumerable.Range(1, 6).Select(GradeButton))],
        };

        var error = Assert.Throws<DiscordLimitException>(() => DiscordLimits.Validate(message));

        Assert.Equal("components[1].components[5]: a row holds at most 5 buttons", error.Message);
        Assert.Equal("components[1].components[5]", error.FieldPath);
    }

    [Fact]
    public void Content_over_2000_characters_is_refused()
    {
        var error = Assert.Throws<DiscordLimitException>(() => DiscordLimits.Validate(new MessageCreate { Content = new string('x', 2001) }));

        Assert.StartsWith("content: must be at most 2000 characters (has 2001)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Content_of_exactly_2000_characters_passes()
    {
        DiscordLimits.Validate(new MessageCreate { Content = new string('x', 2000) });
    }

    [Fact]
    public void Six_action_rows_are_refused()
    {
        var rows = Enumerable.Range(0, 6).Select(i => Component.ActionRow(GradeButton(i)));

        var error = Assert.Throws<DiscordLimitException>(() => DiscordLimits.Validate(new MessageCreate { Components = [.. rows] }));

        Assert.StartsWith("components: at most 5 action rows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_select_shares_its_row_with_nothing()
    {
        var select = Component.StringSelect("pick", [new SelectOption { Label = "A", Value = "a" }]);

        var error = Assert.Throws<DiscordLimitException>(() => DiscordLimits.Validate(new MessageCreate { Components = [Component.ActionRow(select, GradeButton(1))] }));

        Assert.StartsWith("components[0].components[1]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Custom_id_over_100_characters_is_refused()
    {
        var button = Component.Button(ButtonStyle.Success, new string('c', 101), "Go");

        var error = Assert.Throws<DiscordLimitException>(() => DiscordLimits.Validate(new MessageCreate { Components = [Component.ActionRow(button)] }));

        Assert.StartsWith("components[0].components[0].custom_id: must be 1–100 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_custom_ids_in_one_message_are_refused()
    {
        var error = Assert.Throws<DiscordLimitException>(() => DiscordLimits.Validate(new MessageCreate
        {
            Components = [Component.ActionRow(GradeButton(1)), Component.ActionRow(GradeButton(1))],
        }));

        Assert.Contains("is used twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Button_label_over_80_characters_is_refused()
    {
        var button = Component.Button(ButtonStyle.Primary, "id", new string('l', 81));

        var error = Assert.Throws<DiscordLimitException>(() => DiscordLimits.Validate(new MessageCreate { Components = [Component.ActionRow(button)] }));

        Assert.StartsWith("components[0].components[0].label", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_with_26_options_is_refused()
    {
        var options = Enumerable.Range(0, 26).Select(i => new SelectOption { Label = $"L{i}", Value = $"v{i}" });

        var error = Assert.Throws<DiscordLimitException>(() => DiscordLimits.Validate(new MessageCreate { Components = [Component.ActionRow(Component.StringSelect("s", options))] }));

        Assert.StartsWith("components[0].components[0].options: a string select holds 1–25 options", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Embed_field_value_over_1024_is_named_by_its_path()
    {
        var embed = new Embed { Title = "Card", Fields = [new EmbedField { Name = "a", Value = "b" }, new EmbedField { Name = "Answer", Value = new string('v', 1025) }] };

        var error = Assert.Throws<DiscordLimitException>(() => DiscordLimits.Validate(new MessageCreate { Embeds = [embed] }));

        Assert.StartsWith("embeds[0].fields[1].value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Embeds_over_6000_characters_in_all_are_refused()
    {
        var embeds = Enumerable.Range(0, 2).Select(_ => new Embed { Description = new string('d', 3001) });

        var error = Assert.Throws<DiscordLimitException>(() => DiscordLimits.Validate(new MessageCreate { Embeds = [.. embeds] }));

        Assert.StartsWith("embeds: titles, descriptions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nonce_over_25_characters_is_refused()
    {
        var error = Assert.Throws<DiscordLimitException>(() => DiscordLimits.Validate(new MessageCreate { Content = "hi", Nonce = new string('n', 26) }));

        Assert.StartsWith("nonce:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Modal_title_over_45_characters_is_refused()
    {
        var modal = InteractionResponse.Modal("sql:1", new string('t', 46), Component.Labeled("Your query", Component.TextInput("q", TextInputStyle.Paragraph)));

        var error = Assert.Throws<DiscordLimitException>(() => DiscordLimits.Validate(modal));

        Assert.StartsWith("data.title: must be 1–45 characters (has 46)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Modal_with_six_inputs_is_refused()
    {
        var inputs = Enumerable.Range(0, 6).Select(i => Component.Labeled($"Field {i}", Component.TextInput($"f{i}", TextInputStyle.Short)));

        var error = Assert.Throws<DiscordLimitException>(() => DiscordLimits.Validate(InteractionResponse.Modal("star", "STAR drill", inputs)));

        Assert.StartsWith("data.components: a modal holds 1–5 components (has 6)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_input_max_length_over_4000_is_refused()
    {
        var modal = InteractionResponse.Modal("sql", "SQL answer", Component.Labeled("Query", Component.TextInput("q", TextInputStyle.Paragraph, maxLength: 4001)));

        var error = Assert.Throws<DiscordLimitException>(() => DiscordLimits.Validate(modal));

        Assert.StartsWith("data.components[0].component.max_length", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Label_over_45_characters_is_refused()
    {
        var modal = InteractionResponse.Modal("sql", "SQL answer", Component.Labeled(new string('l', 46), Component.TextInput("q", TextInputStyle.Paragraph)));

        var error = Assert.Throws<DiscordLimitException>(() => DiscordLimits.Validate(modal));

        Assert.StartsWith("data.components[0].label", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_modal_with_a_label_and_a_paragraph_input_passes()
    {
        DiscordLimits.Validate(InteractionResponse.Modal("sql:card-1", "SQL answer", Component.Labeled("Your query", Component.TextInput("query", TextInputStyle.Paragraph, maxLength: 4000), "One SELECT")));
    }

    [Fact]
    public void Command_name_with_capitals_is_refused()
    {
        var error = Assert.Throws<DiscordLimitException>(() => DiscordLimits.Validate(new ApplicationCommand { Name = "Quiz", Description = "Daily quiz" }));

        Assert.Equal("name: 'Quiz' must be lowercase", error.Message);
    }

    [Fact]
    public void Command_name_with_a_space_is_refused()
    {
        var error = Assert.Throws<DiscordLimitException>(() => DiscordLimits.Validate(new ApplicationCommand { Name = "daily quiz", Description = "Daily quiz" }));

        Assert.StartsWith("name: 'daily quiz' must be 1–32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Command_description_over_100_characters_is_refused_with_its_index()
    {
        var commands = new[]
        {
            new ApplicationCommand { Name = "quiz", Description = "Quiz" },
            new ApplicationCommand { Name = "review", Description = new string('d', 101) },
        };

        var error = Assert.Throws<DiscordLimitException>(() => DiscordLimits.Validate(commands));

        Assert.StartsWith("[1].description: must be 1–100 characters (has 101)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Command_with_26_options_is_refused()
    {
        var options = Enumerable.Range(0, 26).Select(i => new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = $"o{i}", Description = "x" });

        var error = Assert.Throws<DiscordLimitException>(() => DiscordLimits.Validate(new ApplicationCommand { Name = "quiz", Description = "Quiz", Options = [.. options] }));

        Assert.StartsWith("options: at most 25 options", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Required_option_after_an_optional_one_is_refused()
    {
        var command = new ApplicationCommand
        {
            Name = "quiz",
            Description = "Quiz",
            Options =
            [
                new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = "topic", Description = "Topic" },
                new ApplicationCommandOption { Type = ApplicationCommandOptionType.Integer, Name = "count", Description = "Count", Required = true },
            ],
        };

        var error = Assert.Throws<DiscordLimitException>(() => DiscordLimits.Validate(command));

        Assert.StartsWith("options[1].required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Autocomplete_with_choices_is_refused()
    {
        var command = new ApplicationCommand
        {
            Name = "quiz",
            Description = "Quiz",
            Options = [new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = "topic", Description = "Topic", Autocomplete = true, Choices = [new ApplicationCommandOptionChoice { Name = "SQL", Value = "sql" }] }],
        };

        var error = Assert.Throws<DiscordLimitException>(() => DiscordLimits.Validate(command));

        Assert.StartsWith("options[0].autocomplete", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Command_over_8000_characters_in_all_is_refused()
    {
        var choices = Enumerable.Range(0, 25).Select(i => new ApplicationCommandOptionChoice { Name = new string('n', 100), Value = new string('v', 100) }).ToArray();
        var options = Enumerable.Range(0, 2).Select(i => new ApplicationCommandOption { Type = ApplicationCommandOptionType.String, Name = $"o{i}", Description = "d", Choices = choices });

        var error = Assert.Throws<DiscordLimitException>(() => DiscordLimits.Validate(new ApplicationCommand { Name = "quiz", Description = "Quiz", Options = [.. options] }));

        Assert.Contains("at most 8000", error.Message, StringComparison.Ordinal);
    }
}
