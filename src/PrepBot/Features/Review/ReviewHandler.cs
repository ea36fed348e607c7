using System.Globalization;
using PrepBot.Conversation;
using PrepBot.Features.Study;

namespace PrepBot.Features.Review;

/// <summary><c>/review</c>: work through the due queue; each grade brings the next due card.</summary>
public sealed class ReviewHandler(CardPicker picker, StudyFlow study, TimeProvider time)
{
    public async Task<IReadOnlyList<Reply>> HandleAsync(LearnerContext learner, CancellationToken cancellationToken)
    {
        var picked = await picker.NextDueAsync(learner.Id, cancellationToken).ConfigureAwait(false);
        if (picked is null)
        {
            return [new Reply
            {
                Markdown = "Nothing is due right now. `/quiz` gives you a new card; `/stats` shows what is coming.",
                Buttons = [new ReplyButton("Quiz me on something new", CommandButtons.Quiz, ButtonStyle.Primary)],
            }];
        }

        var due = await picker.CountDueAsync(learner.Id, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var lead = string.Create(CultureInfo.InvariantCulture, $"**Review** — {due} card{(due == 1 ? string.Empty : "s")} due.");
        return [study.Ask(learner, picked, StudyMode.Review, lead)];
    }
}
