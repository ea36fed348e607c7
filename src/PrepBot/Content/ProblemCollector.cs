namespace PrepBot.Content;

/// <summary>Collects the problems of one file, so a check can report and carry on.</summary>
internal sealed class ProblemCollector(string path)
{
    private readonly List<ContentProblem> _problems = [];

    public int Count => _problems.Count;

    public void Add(int line, string message) => _problems.Add(new ContentProblem(path, line, message));

    /// <summary>The problems ordered by line (problems on one line keep the order they were found in).</summary>
    public IReadOnlyList<ContentProblem> ToList() => [.. _problems.OrderBy(problem => problem.Line)];
}
