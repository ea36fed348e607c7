using PrepBot.Content;
using PrepBot.Conversation;
using PrepBot.Features.Study;
using PrepBot.Learning;

namespace PrepBot.Features.Daily;

/// <summary>
/// A click on a server's daily question (<see cref="DailyToken"/>). Everyone in the server may answer; each learner's
/// answer runs privately through <see cref="StudyFlow"/> from their own state of the card, so it is graded into SM-2
/// and the review log like any review (enrolling them on first use), and counts once: a learner who has already
/// graded the card since it was posted is told so instead of being asked again.
/// </summary>
public sealed class DailyAnswerHandler(DailyStore store, CardCatalog catalog, ReviewStore reviews, StudyFlow study)
{
    public async Task<IReadOnlyList<Reply>> HandleAsync(
        LearnerIdentity who, LearnerContext learner, DailyToken token, UserInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(token);
        if (await store.FindPostAsync(token.PostId, cancellationToken).ConfigureAwait(false) is not { } post)
        {
            return [Reply.Text("PrepBot no longer knows this daily question. Try `/quiz` for a question now.")];
        }

        if (who.GuildId != post.GuildId)
        {
            return [Reply.Text("This daily question belongs to another server; answer the one posted in yours.")];
        }

        if (catalog.Find(post.CardId) is not { } card)
        {
            return [Reply.Text($"The card `{post.CardId}` of this daily question is no longer in the deck. Try `/quiz` for another question.")];
        }

        if (token.Action == DailyAction.Show)
        {
            return [DailyPresenter.Spoiler(card, $"The answer to the daily question of {DailyPresenter.Day(post.LocalDate)} (click to reveal):")];
        }

        var since = post.PostedAt ?? post.ClaimedAt;
        var graded = (await reviews.GetCardReviewsAsync(learner.Id, since, cancellationToken).ConfigureAwait(false))
            .LastOrDefault(r => r.CardId == card.Id);
        if (graded is not null)
        {
            return [DailyPresenter.Spoiler(card,
                $"You already answered this daily question (recorded **{StudyFlow.GradeName(graded.Quality)}**) — each answer counts once. The answer, for another look:")];
        }

        var state = await reviews.GetStateAsync(learner.Id, card.Id, cancellationToken).ConfigureAwait(false);
        var action = token.Action switch
        {
            DailyAction.Choose when card.IsMultipleChoice && input is SelectInput => StudyAction.Choose,
            DailyAction.Write when !card.IsMultipleChoice => StudyAction.Write,
            DailyAction.Reveal => StudyAction.Reveal,
            _ => (StudyAction?)null,
        };
        if (action is null)
        {
            return [Reply.Text("That answer did not come with what PrepBot expected. Use the buttons under the daily question again.")];
        }

        var studyToken = new StudyToken(action.Value, StudyMode.Quiz, learner.Id, state.Version, HintUsed: false, card.Id);
        return await study.HandleAsync(learner, studyToken, input, cancellationToken).ConfigureAwait(false);
    }
}
