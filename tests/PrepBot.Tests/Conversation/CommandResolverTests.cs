using PrepBot.Conversation;

namespace PrepBot.Tests.Conversation;

public sealed class CommandResolverTests
{
    private static readonly IReadOnlyList<CommandDescriptor> Catalog =
    [
        new("quiz", "A question now."),
        new("plan", "Your plan.")
        {
            Options =
            [
                new CommandOption("week", "A week of the plan, 1–16.", CommandOptionType.WholeNumber) { MinValue = 1, MaxValue = 16 },
                new CommandOption("kind", "Which kind.", CommandOptionType.Text) { Choices = [new("SQL", "sql"), new("Concept", "concept")] },
                new CommandOption("public", "Show it to everyone.", CommandOptionType.Boolean),
            ],
        },
        new("card", "Cards.")
        {
            RequiresManageServer = true,
            Subcommands = [new("show", "Preview a card.") { Options = [new CommandOption("id", "the card's id.", CommandOptionType.Text, IsRequired: true)] }],
        },
    ];

    [Fact]
    public void Typed_command_with_sub_command_and_quoted_value_parses_into_name_and_options()
    {
        var input = CommandLine.Parse("/card show id:\"sql top n\"");

        Assert.Equal("card show", input.Name);
        Assert.Equal("sql top n", input.Options["id"]);
    }

    [Fact]
    public void Valid_options_are_normalised_to_choice_values_and_canonical_numbers()
    {
        var resolved = CommandResolver.Resolve(Catalog, CommandLine.Parse("/plan week:03 kind:SQL public:yes"), out var error);

        Assert.Null(error);
        Assert.NotNull(resolved);
        Assert.Equal(3, resolved.GetInt("week"));
        Assert.Equal("sql", resolved.Get("kind"));
        Assert.True(resolved.GetBool("public"));
    }

    [Theory]
    [InlineData("/plan week:17", "`week` of `/plan` must be a whole number from 1 to 16 (got `17`).")]
    [InlineData("/plan week:three", "`week` of `/plan` must be a whole number from 1 to 16 (got `three`).")]
    [InlineData("/plan kind:spark", "`kind` of `/plan` must be one of `sql`, `concept` (got `spark`).")]
    [InlineData("/plan wek:3", "`/plan` has no option `wek`. Did you mean `week`? Options: `week`, `kind`, `public`.")]
    [InlineData("/plan public:maybe", "`public` of `/plan` must be true or false (got `maybe`).")]
    [InlineData("/card show", "`/card show` needs `id:` — the card's id.")]
    [InlineData("/card", "`/card` needs a sub-command: `/card show`.")]
    [InlineData("/card shw id:x", "`/card` has no sub-command `shw`. Try `/card show`.")]
    [InlineData("/quizz", "There is no command `/quizz`. Did you mean `/quiz`? Commands: /quiz, /plan, /card.")]
    [InlineData("/quiz now:1", "`/quiz` takes no options (got `now`).")]
    public void Wrong_input_is_refused_with_a_message_naming_the_command_and_option(string typed, string expected)
    {
        var resolved = CommandResolver.Resolve(Catalog, CommandLine.Parse(typed), out var error);

        Assert.Null(resolved);
        Assert.Equal(expected, error);
    }
}
