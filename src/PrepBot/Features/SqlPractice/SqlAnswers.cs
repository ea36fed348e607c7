using Microsoft.Extensions.Options;
using PrepBot.Content;
using PrepBot.Data;
using PrepBot.Learning;
using PrepBot.Telemetry;

namespace PrepBot.Features.SqlPractice;

/// <summary>A graded submission: the verdict and, when accepted, the SM-2 grade it earns.</summary>
public sealed record SqlSubmission(SqlVerdict Verdict, ReviewGrade? Grade, int EarlierTries);

/// <summary>
/// The learner side of SQL practice, used by the study flow: records form openings, grades and stores each
/// submitted query, and turns an accepted answer into an SM-2 grade (<see cref="SqlGradePolicy"/>).
/// </summary>
public sealed class SqlAnswers(SqlGrader grader, SqlAttemptStore attempts, IOptions<SqlPracticeOptions> options)
{
    public Task OpenedAsync(long learnerId, Card card, int stateVersion, bool hintUsed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        return attempts.AddAsync(learnerId, card.Id, stateVersion, SqlAttemptOutcome.Opened, string.Empty, hintUsed, cancellationToken);
    }

    public async Task<SqlSubmission> SubmitAsync(
        long learnerId, Card card, int stateVersion, bool hintUsed, string query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(query);
        var history = await attempts.HistoryAsync(learnerId, card.Id, stateVersion, cancellationToken).ConfigureAwait(false);
        var verdict = grader.Grade(card, query, cancellationToken);
        PrepBotMetrics.SqlGradings.Add(1, new KeyValuePair<string, object?>("verdict", PrepBotMetrics.Name(verdict.Kind)));
        if (verdict.Kind == SqlVerdictKind.Unavailable)
        {
            // The card's fault, not the learner's: no attempt is counted against them.
            return new SqlSubmission(verdict, null, history.Tries);
        }

        var outcome = verdict.Kind switch
        {
            SqlVerdictKind.Accepted => SqlAttemptOutcome.Accepted,
            SqlVerdictKind.Rejected => SqlAttemptOutcome.Rejected,
            SqlVerdictKind.Refused => SqlAttemptOutcome.Refused,
            _ => SqlAttemptOutcome.Failed,
        };
        var attempt = await attempts.AddAsync(learnerId, card.Id, stateVersion, outcome, query, hintUsed, cancellationToken).ConfigureAwait(false);
        if (!verdict.IsAccepted)
        {
            return new SqlSubmission(verdict, null, history.Tries);
        }

        var elapsed = history.FirstOpenedAt is { } opened ? attempt.At - opened : (TimeSpan?)null;
        var grade = SqlGradePolicy.ForAccepted(history.Tries, hintUsed, elapsed, TimeSpan.FromSeconds(options.Value.FastAnswerSeconds));
        return new SqlSubmission(verdict, grade, history.Tries);
    }

    public Task GaveUpAsync(long learnerId, Card card, int stateVersion, bool hintUsed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        return attempts.AddAsync(learnerId, card.Id, stateVersion, SqlAttemptOutcome.GaveUp, string.Empty, hintUsed, cancellationToken);
    }

    /// <summary>The reference result's first rows, to show once the learner has given up; null when it cannot run.</summary>
    public string? ReferencePreview(Card card, int rows) =>
        grader.Reference(card).Run?.Result is { } result ? SqlFeedback.Preview(result, rows) : null;
}
