namespace PrepBot.Content;

/// <summary>Collects the problems of one file, so a check can report and carry on.</summary>
internal sealed class ProblemCollector(string path)
{
    private readonly List<ContentProblem> problems = [];

    public int Count => problems.Count;

    public void Add(int line, string message) => problems.Add(new ContentProblem(path, line, message));

    /// <summary>The problems ordered by line (problems on one line keep the order they were found in).</summary>
    public IReadOnlyList<ContentProblem> ToList() => [.. problems.OrderBy(problem => problem.Line)];
}
