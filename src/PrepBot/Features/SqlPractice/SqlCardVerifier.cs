using System.Globalization;
using System.Text.RegularExpressions;
using PrepBot.Content;
using PrepBot.Rendering;

namespace PrepBot.Features.SqlPractice;

/// <summary>
/// <c>content check</c> for SQL practice: builds every dataset, and for every SQL card whose dataset exists runs
/// the reference (it must run and return rows), every <c>## Accepted</c> query (each must be accepted) and every
/// <c>## Wrong</c> query (each must run and be rejected).
/// </summary>
public sealed partial class SqlCardVerifier(SqlGrader grader, DatasetLibrary datasets) : IContentVerifier
{
    public IReadOnlyList<ContentProblem> Verify(string contentDirectory, IReadOnlyList<Card> cards)
    {
        ArgumentNullException.ThrowIfNull(cards);
        var problems = new List<ContentProblem>();
        var folder = Path.Combine(contentDirectory, DatasetLibrary.FolderName);
        var broken = new HashSet<string>(StringComparer.Ordinal);
        if (Directory.Exists(folder))
        {
            foreach (var script in Directory.EnumerateFiles(folder, "*.sql").Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileNameWithoutExtension(script);
                try
                {
                    datasets.Get(contentDirectory, name);
                }
                catch (DatasetException e)
                {
                    problems.Add(new ContentProblem(script, e.Line, e.Message));
                    broken.Add(name);
                }
            }
        }

        foreach (var card in cards.Where(c => c.Kind == CardKind.Sql && c.Dataset is not null && c.Reference is not null))
        {
            if (!broken.Contains(card.Dataset!) && File.Exists(DatasetLibrary.PathOf(contentDirectory, card.Dataset!)))
            {
                problems.AddRange(VerifyCard(contentDirectory, card));
            }
        }

        return problems;
    }

    private IEnumerable<ContentProblem> VerifyCard(string contentDirectory, Card card)
    {
        var path = Path.Combine(contentDirectory, card.SourcePath);
        var reference = grader.Reference(card, contentDirectory);
        if (reference.Problem is not null)
        {
            yield return new ContentProblem(path, reference.ProblemLine, reference.Problem);
            yield break;
        }

        if (reference.Run!.Result!.Rows.Count == 0)
        {
            yield return new ContentProblem(path, card.Reference!.Line,
                $"the reference query returns no rows on dataset '{card.Dataset}': a question needs an answer with rows to compare against");
            yield break;
        }

        for (var i = 0; i < card.Accepted.Count; i++)
        {
            var query = card.Accepted[i];
            var verdict = grader.Grade(card, query.Sql, contentDirectory);
            if (!verdict.IsAccepted)
            {
                yield return new ContentProblem(path, query.Line, string.Create(CultureInfo.InvariantCulture,
                    $"accepted query {i + 1} is not accepted: {OneLine(verdict.Feedback)}"));
            }
        }

        for (var i = 0; i < card.Wrong.Count; i++)
        {
            var query = card.Wrong[i];
            var verdict = grader.Grade(card, query.Sql, contentDirectory);
            var problem = verdict.Kind switch
            {
                SqlVerdictKind.Accepted => "is accepted: it returns the same result as the reference, so it shows no mistake",
                SqlVerdictKind.Refused or SqlVerdictKind.Failed => $"does not run ({OneLine(verdict.Feedback)}); a wrong example should run and return a different result",
                _ => null,
            };
            if (problem is not null)
            {
                yield return new ContentProblem(path, query.Line, string.Create(CultureInfo.InvariantCulture, $"wrong query {i + 1} {problem}"));
            }
        }
    }

    /// <summary>The feedback's first paragraph as plain text on one line.</summary>
    private static string OneLine(string markdown)
    {
        var plain = MarkdownRenderer.ToPlainText(markdown).Trim();
        var paragraph = plain.Split("\n\n", 2)[0];
        return Whitespace().Replace(paragraph, " ");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
