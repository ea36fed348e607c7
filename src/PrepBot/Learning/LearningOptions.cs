using System.Globalization;
using Microsoft.Extensions.Options;

namespace PrepBot.Learning;

/// <summary>How reviews are kept (section <c>Learning</c>).</summary>
public sealed class LearningOptions
{
    public const string SectionName = "Learning";

    /// <summary>
    /// Lapses (a scheduled review failed) after which a card is a leech for that learner, as Anki counts them. The learner is
    /// told on the lapse that reaches it and offered to suspend the card.
    /// </summary>
    public int LeechLapses { get; set; } = 8;

    /// <summary>How long after a grade the learner can take it back with Undo or <c>/undo</c>.</summary>
    public int UndoMinutes { get; set; } = 10;

    /// <summary>Whether a card with <paramref name="lapses"/> lapses is a leech.</summary>
    public bool IsLeech(int lapses) => lapses >= LeechLapses;
}

/// <summary>Stops the host at start when a <c>Learning</c> setting is out of range; each message names its key.</summary>
internal sealed class LearningOptionsValidator : IValidateOptions<LearningOptions>
{
    public ValidateOptionsResult Validate(string? name, LearningOptions options)
    {
        var failures = new List<string>();
        Check(nameof(LearningOptions.LeechLapses), options.LeechLapses, 2, 100);
        Check(nameof(LearningOptions.UndoMinutes), options.UndoMinutes, 1, 1440);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        void Check(string key, int value, int min, int max)
        {
            if (value < min || value > max)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{LearningOptions.SectionName}:{key}: must be from {min} to {max} (got {value})"));
            }
        }
    }
}
