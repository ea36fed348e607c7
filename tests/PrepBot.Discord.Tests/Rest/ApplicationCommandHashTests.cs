using PrepBot.Discord.Models;
using PrepBot.Discord.Rest;

namespace PrepBot.Discord.Tests.Rest;

public sealed class ApplicationCommandHashTests
{
    private static ApplicationCommand Quiz(string description = "Today's question") => new()
    {
        Name = "quiz",
        Description = description,
        Contexts = [InteractionContextType.Guild, InteractionContextType.BotDm],
        Options = [new ApplicationCommandOption { Type = ApplicationCommandOptionType.Integer, Name = "count", Description = "How many", MinValue = 1, MaxValue = 10 }],
    };

    [Fact]
    public void Commands_as_Discord_returns_them_hash_like_the_definitions()
    {
        const string returned = """
            [{"id":"1","application_id":"2","version":"3","type":1,"name":"quiz","description":"Today's question","default_member_permissions":null,
              "contexts":[1,0],"nsfw":false,"integration_types":[0],
              "options":[{"type":4,"name":"count","description":"How many","required":false,"min_value":1,"max_value":10}]}]
            """;

        var fromDiscord = DiscordJson.Deserialize<List<ApplicationCommand>>(returned)!;

        Assert.Equal(ApplicationCommandHash.Compute([Quiz()]), ApplicationCommandHash.Compute(fromDiscord));
    }

    [Fact]
    public void A_changed_description_changes_the_hash()
    {
        Assert.NotEqual(ApplicationCommandHash.Compute([Quiz()]), ApplicationCommandHash.Compute([Quiz("Another")]));
    }
}
