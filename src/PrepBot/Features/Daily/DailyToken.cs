using System.Globalization;
using PrepBot.Conversation;

namespace PrepBot.Features.Daily;

public enum DailyAction
{
    /// <summary>A multiple-choice selection on the post.</summary>
    Choose,

    /// <summary>See the answer privately and grade yourself.</summary>
    Reveal,

    /// <summary>Open the form to write an answer (a SQL query, a design or a story).</summary>
    Write,

    /// <summary>The answer privately, as a spoiler, without grading.</summary>
    Show,
}

/// <summary>
/// A button or select on a server's daily question: <c>daily:{action}:{post id}</c>, e.g. <c>daily:r:42</c>. The post
/// row says which server and card; each learner who clicks gets their own private flow.
/// </summary>
public sealed record DailyToken(DailyAction Action, long PostId)
{
    public const string Prefix = "daily:";

    public string Format()
    {
        var action = Action switch
        {
            DailyAction.Choose => "c",
            DailyAction.Reveal => "r",
            DailyAction.Write => "w",
            DailyAction.Show => "s",
            _ => throw new InvalidOperationException($"Unknown daily action {Action}."),
        };
        return CustomId.Build(Prefix, action, PostId.ToString(CultureInfo.InvariantCulture));
    }

    public static bool TryParse(string customId, out DailyToken token)
    {
        ArgumentNullException.ThrowIfNull(customId);
        token = null!;
        if (!CustomId.TryParse(customId, Prefix, 2, out var parts))
        {
            return false;
        }

        DailyAction? action = parts[0] switch
        {
            "c" => DailyAction.Choose,
            "r" => DailyAction.Reveal,
            "w" => DailyAction.Write,
            "s" => DailyAction.Show,
            _ => null,
        };
        if (action is null || parts[1].Length is 0 or > 19 || !parts[1].All(char.IsAsciiDigit)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
        {
            return false;
        }

        token = new DailyToken(action.Value, id);
        return true;
    }
}
