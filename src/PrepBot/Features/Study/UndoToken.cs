using PrepBot.Conversation;

namespace PrepBot.Features.Study;

/// <summary>
/// The Undo button under a recorded grade: <c>undo:{learner}:{review-log row}</c> in base 36, e.g. <c>undo:c:2bi</c>.
/// Everything the undo needs is in the database (the row keeps the state before the grade), so the button works after a
/// restart and nothing is held in memory.
/// </summary>
public sealed record UndoToken(long LearnerId, long LogId)
{
    public const string Prefix = "undo:";

    public string Format() => CustomId.Build(Prefix, Base36.Format(LearnerId), Base36.Format(LogId));

    public static bool TryParse(string customId, out UndoToken token)
    {
        token = null!;
        if (!CustomId.TryParse(customId, Prefix, 2, out var parts)
            || !Base36.TryParse(parts[0], out var learner)
            || !Base36.TryParse(parts[1], out var log) || log == 0)
        {
            return false;
        }

        token = new UndoToken(learner, log);
        return true;
    }
}
