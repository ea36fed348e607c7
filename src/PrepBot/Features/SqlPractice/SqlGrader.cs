using System.Collections.Concurrent;
using PrepBot.Content;

namespace PrepBot.Features.SqlPractice;

/// <summary>The reference query of a card, run on its dataset (cached until the card or the dataset changes).</summary>
/// <param name="Dataset">The built dataset, or null when it could not be built.</param>
/// <param name="Run">The reference run, or null when there was no dataset to run it on.</param>
/// <param name="Problem">Why the card cannot be graded, or null when it can.</param>
/// <param name="ProblemLine">The card line the problem is about (the dataset key or the reference block).</param>
public sealed record ReferenceRun(Dataset? Dataset, SqlRun? Run, string? Problem, int ProblemLine);

/// <summary>
/// Grades a learner's query on a SQL card: runs the reference and the learner's query, each on its own fresh
/// copy of the card's dataset, and compares the results by the card's rules.
/// </summary>
public sealed class SqlGrader(DatasetLibrary datasets, SqlSandbox sandbox, CardCatalog catalog)
{
    private readonly ConcurrentDictionary<string, CachedReference> _references = new(StringComparer.Ordinal);

    /// <summary>Grades against the datasets of the bot's content folder.</summary>
    public SqlVerdict Grade(Card card, string query, CancellationToken cancellationToken = default) =>
        Grade(card, query, catalog.ContentDirectory, cancellationToken);

    /// <summary>Grades against the datasets under <paramref name="contentDirectory"/> (the checker and <c>sql try</c> may name another folder).</summary>
    public SqlVerdict Grade(Card card, string query, string contentDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(query);
        var reference = Reference(card, contentDirectory, cancellationToken);
        if (reference.Problem is not null)
        {
            return new SqlVerdict(SqlVerdictKind.Unavailable, SqlFeedback.Unavailable(card, reference.Problem));
        }

        var expected = reference.Run!.Result!;
        var run = sandbox.Run(reference.Dataset!, query, cancellationToken);
        switch (run.Status)
        {
            case SqlRunStatus.Refused:
                return new SqlVerdict(SqlVerdictKind.Refused, SqlFeedback.Refused(run, query), Reference: expected);
            case SqlRunStatus.Failed:
                return new SqlVerdict(SqlVerdictKind.Failed, SqlFeedback.Failed(run, query), Reference: expected);
        }

        var difference = ResultComparer.Compare(expected, run.Result!, RulesOf(card));
        return difference is null
            ? new SqlVerdict(SqlVerdictKind.Accepted, SqlFeedback.Accepted(run.Result!), Reference: expected)
            : new SqlVerdict(SqlVerdictKind.Rejected, SqlFeedback.Rejected(difference, expected, run.Result!), difference, expected);
    }

    /// <summary>The card's reference run on its dataset under the bot's content folder.</summary>
    public ReferenceRun Reference(Card card, CancellationToken cancellationToken = default) =>
        Reference(card, catalog.ContentDirectory, cancellationToken);

    /// <summary>The card's reference run, or why there is none; rerun only when the card or its dataset changed.</summary>
    public ReferenceRun Reference(Card card, string contentDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (card.Kind != CardKind.Sql || card.Dataset is null || card.Reference is null)
        {
            return new ReferenceRun(null, null, $"'{card.Id}' is not a SQL card with a dataset and a reference query", 1);
        }

        Dataset dataset;
        try
        {
            dataset = datasets.Get(contentDirectory, card.Dataset);
        }
        catch (DatasetException e)
        {
            return new ReferenceRun(null, null, e.Message, 1);
        }

        var key = dataset.Path + "|" + card.Id;
        if (_references.TryGetValue(key, out var cached) && cached.ContentHash == card.ContentHash && cached.DatasetVersion == dataset.Version)
        {
            return cached.Reference;
        }

        var run = sandbox.Run(dataset, card.Reference.Sql, cancellationToken);
        var reference = run.Status switch
        {
            SqlRunStatus.Completed => new ReferenceRun(dataset, run, null, card.Reference.Line),
            _ => new ReferenceRun(dataset, run, $"the reference query does not run on dataset '{dataset.Name}': {run.Message}", card.Reference.Line),
        };
        _references[key] = new CachedReference(card.ContentHash, dataset.Version, reference);
        return reference;
    }

    public static ComparisonRules RulesOf(Card card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new ComparisonRules(card.Ordered, card.ColumnNames, card.CaseInsensitive);
    }

    private sealed record CachedReference(string ContentHash, long DatasetVersion, ReferenceRun Reference);
}
