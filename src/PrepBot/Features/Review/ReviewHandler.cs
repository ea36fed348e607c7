using System.Globalization;
using PrepBot.Conversation;
using PrepBot.Features.Study;

namespace PrepBot.Features.Review;

/// <summary><c>/review</c>: work through the due queue; each grade brings the next due card.</summary>
public sealed class ReviewHandler(CardPicker picker, StudyFlow study, TimeProvider time)
{
    public async Task<IReadOnlyList<Reply>> HandleAsync(LearnerContext learner, CancellationToken cancellationToken)
    {
        var picked = await picker.NextDueAsync(learner, cancellationToken).ConfigureAwait(false);
        if (picked is null && await CappedAsync(learner, cancellationToken).ConfigureAwait(false) is { } capped)
        {
            return [capped];
        }

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

    /// <summary>When reviews are due but today's cap (<c>/me cap reviews:</c>) is used up: a reply that says so.</summary>
    public async Task<Reply?> CappedAsync(LearnerContext learner, CancellationToken cancellationToken)
    {
        var allowance = await picker.AllowanceAsync(learner, cancellationToken).ConfigureAwait(false);
        if (allowance.ReviewsLeft)
        {
            return null;
        }

        var due = await picker.CountDueAsync(learner.Id, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return due == 0 ? null : new Reply
        {
            Markdown = string.Create(
                CultureInfo.InvariantCulture,
                $"You reached your daily cap of {allowance.ReviewCap} reviews (`/me cap`). {due} more card{(due == 1 ? " is" : "s are")} due; they wait for your next day (from 04:00 your time)."),
            Buttons = allowance.NewLeft ? [new ReplyButton("Quiz me on something new", CommandButtons.Quiz, ButtonStyle.Primary)] : [],
        };
    }
}
