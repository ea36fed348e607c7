using System.Globalization;
using System.Text;

namespace PrepBot.Features.Star;

/// <summary>Writes a <see cref="StarAnalysis"/> as the private feedback a learner reads after a STAR drill.</summary>
public static class StarFeedback
{
    private const string MarkdownSpecials = "\\`*_{}[]<>()#+-!|~";

    public static string Markdown(string title, StarAnalysis analysis, TimeSpan? taken)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(analysis);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"**STAR feedback — {Literal(title)}**\n");
        text.Append(CultureInfo.InvariantCulture, $"Overall **{analysis.Overall}/100** · ");
        text.AppendJoin(" · ", StarAnswer.Parts.Select(part => string.Create(CultureInfo.InvariantCulture, $"{StarAnalyzer.Name(part)} {analysis.PartScores[part]}")));
        text.Append(CultureInfo.InvariantCulture,
            $"\nSpoken length: about {StarAnalyzer.Duration(analysis.Spoken)} ({analysis.Words} words at {StarRules.WordsPerMinute} a minute; aim for 1.5–3 min).");
        if (taken is { } time)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"\n⏱ Time taken: {StarAnalyzer.Duration(time)} from the prompt to submitting (the timer was {StarHandler.TimerMinutes} min).");
        }

        var top = analysis.TopChanges;
        if (top.Count == 0)
        {
            text.Append("\n\n**A strong answer.** Nothing in the checks needs changing — practise saying it out loud.");
        }
        else
        {
            text.Append("\n\n**Change these first**\n");
            for (var i = 0; i < top.Count; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{i + 1}. {Literal(top[i].Advice)}\n");
            }
        }

        var rest = analysis.Findings.Where(f => !top.Contains(f)).ToList();
        if (rest.Count > 0)
        {
            text.Append("\n**Also noticed**\n");
            foreach (var finding in rest)
            {
                text.Append("- ").Append(finding.Part is { } part ? $"*{StarAnalyzer.Name(part)}:* " : string.Empty).Append(Literal(finding.Message)).Append('\n');
            }
        }

        if (analysis.KeywordsCovered.Count > 0)
        {
            text.Append("\n**Shows:** ").AppendJoin(", ", analysis.KeywordsCovered.Select(Literal)).Append('\n');
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>Learner or card text shown as written: Markdown characters are escaped.</summary>
    public static string Literal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text.Replace('\n', ' '))
        {
            if (MarkdownSpecials.Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
