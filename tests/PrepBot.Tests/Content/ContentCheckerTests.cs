using PrepBot.Content;
using PrepBot.Tests.Support;

namespace PrepBot.Tests.Content;

public sealed class ContentCheckerTests : IDisposable
{
    private readonly TempContentFolder _folder = new();
    private readonly ContentChecker _checker = new(new CardParser());

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Duplicate_id_is_reported_on_the_later_file_with_the_first_files_location()
    {
        _folder.Write("concept/a.md", SampleCards.ConceptCard("concept-same"));
        _folder.Write("concept/b.md", SampleCards.ConceptCard("concept-same"));

        var report = Check();

        var problem = Assert.Single(report.Problems);
        Assert.Equal("content/concept/b.md:2: duplicate id 'concept-same' (first used in concept/a.md:2)", problem.ToString());
        Assert.Equal("concept/a.md", Assert.Single(report.Cards).SourcePath);
    }

    [Fact]
    public void Problems_of_every_file_are_reported_in_one_run_sorted_by_path_then_line()
    {
        _folder.Write("sql/z.md", SampleCards.Sql.Replace("week: 3", "week: 0", StringComparison.Ordinal));
        _folder.Write("concept/b.md", SampleCards.Concept.Replace("## Question", "## Questoin", StringComparison.Ordinal)
            .Replace("topic: data-landscape", "topic: Data", StringComparison.Ordinal));
        _folder.Write("concept/a.md", SampleCards.ConceptCard("concept-a", week: 99));

        var report = Check();

        Assert.True(report.HasProblems);
        Assert.Equal(
            [
                "content/concept/a.md:5",
                "content/concept/b.md:4",
                "content/concept/b.md:9",
                "content/concept/b.md:21",
                "content/sql/z.md:5",
            ],
            report.Problems.Select(p => $"{p.Path}:{p.Line}"));
    }

    [Fact]
    public void Paths_are_shown_in_full_when_the_content_folder_is_not_under_the_current_directory()
    {
        _folder.Write("concept/a.md", SampleCards.ConceptCard("concept-a", week: 99));
        using var elsewhere = new TempContentFolder();

        var report = _checker.Check(_folder.ContentDirectory, elsewhere.RootDirectory);

        Assert.Equal(_folder.FullPath("concept/a.md"), Assert.Single(report.Problems).Path);
    }

    [Fact]
    public void Readme_files_and_folders_that_are_not_kinds_are_not_checked()
    {
        _folder.Write("README.md", "# Guide\n");
        _folder.Write("concept/README.md", "# Concept cards\n");
        _folder.Write("datasets/notes.md", "# Notes\n");
        _folder.Write("drafts/idea.md", "not a card\n");
        _folder.Write("concept/a.md", SampleCards.ConceptCard("concept-a"));

        var report = Check();

        Assert.False(report.HasProblems);
        Assert.Equal(["concept-a"], report.Cards.Select(c => c.Id));
    }

    [Fact]
    public void Sql_card_naming_a_missing_dataset_is_reported_when_the_datasets_folder_exists()
    {
        _folder.Write("datasets/hr.sql", "CREATE TABLE t (x INT);");
        _folder.Write("sql/top.md", SampleCards.Sql);

        var report = Check();

        Assert.Equal(
            "content/sql/top.md:8: dataset 'ecommerce' not found: there is no datasets/ecommerce.sql",
            Assert.Single(report.Problems).ToString());
    }

    [Fact]
    public void Sql_card_dataset_is_not_checked_when_there_is_no_datasets_folder()
    {
        _folder.Write("sql/top.md", SampleCards.Sql);

        var report = Check();

        Assert.False(report.HasProblems);
    }

    [Fact]
    public void Summary_counts_cards_per_week_and_kind()
    {
        _folder.Write("concept/a.md", SampleCards.ConceptCard("concept-a", week: 1));
        _folder.Write("concept/b.md", SampleCards.ConceptCard("concept-b", week: 2));
        _folder.Write("sql/top.md", SampleCards.Sql);
        _folder.Write("behavioral/conflict.md", SampleCards.Behavioral);

        var summary = Check().Summary();

        Assert.Equal(
            """
            4 cards (1 retired)
             week  sql  concept  design  behavioral  total
                1    0        1       0           0      1
                2    0        1       0           1      2
                3    1        0       0           0      1
            total    1        2       0           1      4
            multiple choice: 2 cards; the right option is the longest in 2 (100%), target at most 43% (chance plus 10 points)

            """,
            summary);
    }

    [Fact]
    public void Missing_content_folder_is_an_error_naming_the_folder()
    {
        var missing = Path.Combine(_folder.RootDirectory, "nope");

        var error = Assert.Throws<DirectoryNotFoundException>(() => _checker.Check(missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    private ContentCheckReport Check() => _checker.Check(_folder.ContentDirectory, _folder.RootDirectory);
}
