using System.Globalization;
using PrepBot.Conversation;
using PrepBot.Learning;

namespace PrepBot.Features.Export;

/// <summary>
/// <c>/me export</c>: the learner's own data as two files, a JSON of everything stored about them and the review log as
/// CSV. Handled before enrolment, like the forget button, so asking for your data never creates any.
/// </summary>
public sealed class ExportHandler(LearnerDirectory learners, LearnerDataExport export, TimeProvider time)
{
    public const string CommandName = "me export";

    public static CommandDescriptor Command { get; } = new("export", "A file with everything PrepBot stores about you (JSON, review log as CSV).");

    public async Task<IReadOnlyList<Reply>> HandleAsync(LearnerIdentity who, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        var learner = await learners.FindAsync(who.Platform, who.UserId, cancellationToken).ConfigureAwait(false);
        if (learner is null)
        {
            return [Reply.Text("PrepBot stores nothing about you, so there is nothing to export.")];
        }

        var data = await export.ExportAsync(learner.Id, cancellationToken).ConfigureAwait(false);
        var stamp = time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var name = $"prepbot-export-{learner.Platform}-{learner.PlatformUserId}-{stamp}";
        var reviews = data.RowCounts.GetValueOrDefault("ReviewLogs");
        var rows = data.RowCounts.Values.Sum();
        return [new Reply
        {
            Markdown = string.Create(
                CultureInfo.InvariantCulture,
                $"**Your data** — everything PrepBot stores about you: {rows} row{(rows == 1 ? string.Empty : "s")} from {data.RowCounts.Count(t => t.Value > 0)} tables, "
                + $"including {reviews} review{(reviews == 1 ? string.Empty : "s")} (also as CSV). `/me forget` deletes all of it."),
            Attachments =
            [
                new ReplyAttachment(name + ".json", "application/json", data.Json) { Description = "Everything PrepBot stores about you, as JSON" },
                new ReplyAttachment(name + "-reviews.csv", "text/csv", data.ReviewLogCsv) { Description = "Your review log, as CSV" },
            ],
        }];
    }
}
