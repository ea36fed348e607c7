using System.Globalization;
using PrepBot.Conversation;

namespace PrepBot.Features.Study;

public enum StudyAction
{
    /// <summary>A multiple-choice selection.</summary>
    Choose,

    /// <summary>Open the form to write an answer.</summary>
    Write,

    /// <summary>The written answer was submitted.</summary>
    Submit,

    /// <summary>Show the answer to self-grade.</summary>
    Reveal,

    /// <summary>Show the hint.</summary>
    Hint,

    /// <summary>A self-grade button (with <see cref="StudyToken.Quality"/>).</summary>
    Grade,

    /// <summary>Give up on a SQL card: show the answer and record Again.</summary>
    GiveUp,

    /// <summary>"Not now" on a new card's question: put it aside until the learner's next study day and ask the next one.</summary>
    Skip,

    /// <summary>Suspend the card for this learner (from its answer): never served or due until resumed.</summary>
    Suspend,
}

public enum StudyMode
{
    /// <summary>One question from <c>/quiz</c>; afterwards the learner may ask for another.</summary>
    Quiz,

    /// <summary>Working through the due queue from <c>/review</c>; the next due card follows each grade.</summary>
    Review,
}

/// <summary>
/// Everything a button or form needs to act, carried in its custom id so that buttons on messages sent
/// before a restart still work: <c>study:{action}:{mode}:{learner}:{version}:{flags}:{card}</c>, e.g.
/// <c>study:g4:r:c:3:h:sql-top-n</c> (numbers in base 36). The card state version makes a second press of the same grade a
/// recognisable duplicate. At most 100 characters (Discord's limit) for card ids up to 64 characters.
/// </summary>
public sealed record StudyToken(StudyAction Action, StudyMode Mode, long LearnerId, int Version, bool HintUsed, string CardId, int Quality = 0)
{
    public const string Prefix = "study:";

    public string Format()
    {
        var action = Action switch
        {
            StudyAction.Choose => "c",
            StudyAction.Write => "w",
            StudyAction.Submit => "s",
            StudyAction.Reveal => "r",
            StudyAction.Hint => "h",
            StudyAction.Grade => "g" + Quality.ToString(CultureInfo.InvariantCulture),
            StudyAction.GiveUp => "u",
            StudyAction.Skip => "n",
            StudyAction.Suspend => "x",
            _ => throw new InvalidOperationException($"Unknown study action {Action}."),
        };
        var mode = Mode == StudyMode.Review ? "r" : "q";
        return CustomId.Build(Prefix, action, mode, Base36.Format(LearnerId), Base36.Format(Version), HintUsed ? "h" : "-", CardId);
    }

    public StudyToken With(StudyAction action, int quality = 0) => this with { Action = action, Quality = quality };

    public static bool TryParse(string customId, out StudyToken token)
    {
        token = null!;
        if (!CustomId.TryParse(customId, Prefix, 6, out var parts, lastTakesRest: true)
            || parts[0].Length == 0 || parts[5].Length == 0
            || !Base36.TryParse(parts[2], out var learner)
            || !Base36.TryParse(parts[3], out var version) || version > int.MaxValue)
        {
            return false;
        }

        var quality = 0;
        StudyAction? action = parts[0] switch
        {
            "c" => StudyAction.Choose,
            "w" => StudyAction.Write,
            "s" => StudyAction.Submit,
            "r" => StudyAction.Reveal,
            "h" => StudyAction.Hint,
            "u" => StudyAction.GiveUp,
            "n" => StudyAction.Skip,
            "x" => StudyAction.Suspend,
            ['g', var q] when q is >= '0' and <= '5' => (quality = q - '0') >= 0 ? StudyAction.Grade : null,
            _ => null,
        };
        StudyMode? mode = parts[1] switch { "q" => StudyMode.Quiz, "r" => StudyMode.Review, _ => null };
        if (action is null || mode is null || parts[4] is not ("h" or "-"))
        {
            return false;
        }

        token = new StudyToken(action.Value, mode.Value, learner, (int)version, parts[4] == "h", parts[5], quality);
        return true;
    }

}
