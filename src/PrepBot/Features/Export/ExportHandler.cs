using System.Globalization;
using PrepBot.Conversation;
using PrepBot.Data;

namespace PrepBot.Features.Export;

/// <summary>
/// <c>/me export</c>: the learner's own data as two files, a JSON of everything stored about them and the review log as
/// CSV. Commands run after enrolment (the router's rule), so a learner who never studied has only that enrolment: they
/// are told there is nothing to export rather than sent files of their own user id.
/// </summary>
public sealed class ExportHandler(LearnerDataExport export, TimeProvider time)
{
    public static CommandDescriptor Command { get; } = new("export", "A file with everything PrepBot stores about you (JSON, review log as CSV).");

    public async Task<IReadOnlyList<Reply>> HandleAsync(LearnerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var learner = context.Learner;
        var data = await export.ExportAsync(learner.Id, cancellationToken).ConfigureAwait(false);
        if (data.RowCounts.Where(table => !LearnerRowReader.EnrolmentTables.Contains(table.Key)).All(table => table.Value == 0))
        {
            return [Reply.Text("PrepBot stores nothing about you beyond your user id and time zone (no answers, settings, stories or interviews), so there is nothing to export.")];
        }

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
