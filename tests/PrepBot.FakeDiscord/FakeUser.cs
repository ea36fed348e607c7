using System.Text.Json.Nodes;

namespace PrepBot.FakeDiscord;

/// <summary>A Discord user as the fake knows it: the bot itself, or a learner who sends interactions.</summary>
public sealed record FakeUser(string Id, string Username, bool IsBot = false)
{
    /// <summary>A learner used when a test does not name one.</summary>
    public static FakeUser DefaultLearner { get; } = new("1300000000000000001", "learner");

    public string? GlobalName { get; init; }

    /// <summary>The user object as Discord serialises it.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["id"] = Id,
            ["username"] = Username,
            ["discriminator"] = "0",
            ["global_name"] = GlobalName ?? Username,
            ["avatar"] = null,
            ["public_flags"] = 0,
        };
        if (IsBot)
        {
            json["bot"] = true;
        }

        return json;
    }
}
