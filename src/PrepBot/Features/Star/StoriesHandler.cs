using System.Globalization;
using System.Text;
using PrepBot.Conversation;

namespace PrepBot.Features.Star;

/// <summary><c>/stories list</c>: the learner's story bank; <c>/stories delete id:</c>: removes one of their own stories from the database.</summary>
public sealed class StoriesHandler(StarStoryStore stories)
{
    public const string IdOption = "id";

    public async Task<IReadOnlyList<Reply>> ListAsync(LearnerContext learner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        var list = await stories.ListAsync(learner.Id, StarStoryStore.ListLimit, cancellationToken).ConfigureAwait(false);
        if (list.Count == 0)
        {
            return [new Reply
            {
                Markdown = "Your story bank is empty. Answer a behavioural prompt with `/star` and your answer is saved here.",
                Buttons = [new ReplyButton("Start a STAR drill", CommandButtons.Prefix + "star", ButtonStyle.Primary)],
            }];
        }

        var total = await stories.CountAsync(learner.Id, cancellationToken).ConfigureAwait(false);
        var text = new StringBuilder(total > list.Count
            ? string.Create(CultureInfo.InvariantCulture, $"**Your story bank** — the newest {list.Count} of {total}\n\n")
            : string.Create(CultureInfo.InvariantCulture, $"**Your story bank** — {total} {(total == 1 ? "story" : "stories")}\n\n"));
        foreach (var story in list)
        {
            var day = TimeZoneInfo.ConvertTime(story.CreatedAt, learner.Zone);
            text.Append(CultureInfo.InvariantCulture, $"- **#{story.Id}** · {day:d MMM yyyy} · {story.Score}/100 · ")
                .Append(story.Competencies.Length == 0 ? "no competencies" : story.Competencies.Replace(",", ", ", StringComparison.Ordinal))
                .Append(" — *").Append(StarFeedback.Literal(story.PromptTitle)).Append('*');
            if (story.SecondsTaken is { } seconds)
            {
                text.Append(" · timed, ").Append(StarAnalyzer.Duration(TimeSpan.FromSeconds(seconds)));
            }

            text.Append('\n');
        }

        text.Append("\nRe-use a story from the select under any `/star` prompt; remove one with `/stories delete id:<number>`.");
        return [Reply.Text(text.ToString())];
    }

    public async Task<IReadOnlyList<Reply>> DeleteAsync(LearnerContext learner, ResolvedCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(command);
        var id = long.Parse(command.Get(IdOption)!, CultureInfo.InvariantCulture);
        return await stories.DeleteAsync(learner.Id, id, cancellationToken).ConfigureAwait(false)
            ? [Reply.Text(string.Create(CultureInfo.InvariantCulture, $"Deleted story **#{id}**: it is gone from the database."))]
            : [Reply.Text(string.Create(CultureInfo.InvariantCulture, $"You have no story #{id}. `/stories list` shows yours."))];
    }
}
