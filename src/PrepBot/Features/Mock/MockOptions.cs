using System.Globalization;
using Microsoft.Extensions.Options;
using PrepBot.Data;

namespace PrepBot.Features.Mock;

/// <summary>Lengths and timeouts of mock interviews (section <c>Mock</c>), in minutes.</summary>
public sealed class MockOptions
{
    public const string SectionName = "Mock";

    public int BehavioralMinutes { get; set; } = 30;

    public int DesignMinutes { get; set; } = 45;

    public int SqlMinutes { get; set; } = 30;

    /// <summary>A lobby nobody completes closes after this long and frees whoever joined.</summary>
    public int LobbyTimeoutMinutes { get; set; } = 15;

    /// <summary>A place in <c>/mock queue</c> lapses after this long without a match.</summary>
    public int QueueTimeoutMinutes { get; set; } = 30;

    /// <summary>After a round, feedback (and then the choice to swap roles) is open this long; then the session closes.</summary>
    public int FeedbackTimeoutMinutes { get; set; } = 30;

    public TimeSpan Length(MockKind kind) => TimeSpan.FromMinutes(kind switch
    {
        MockKind.Behavioral => BehavioralMinutes,
        MockKind.Design => DesignMinutes,
        _ => SqlMinutes,
    });
}

/// <summary>Stops the host at start when a <c>Mock</c> setting is out of range; each message names its key.</summary>
internal sealed class MockOptionsValidator : IValidateOptions<MockOptions>
{
    public ValidateOptionsResult Validate(string? name, MockOptions options)
    {
        var failures = new List<string>();

        // A round must be longer than 10 minutes, or "10 minutes left" would come before it starts.
        Check(nameof(MockOptions.BehavioralMinutes), options.BehavioralMinutes, 11, 180);
        Check(nameof(MockOptions.DesignMinutes), options.DesignMinutes, 11, 180);
        Check(nameof(MockOptions.SqlMinutes), options.SqlMinutes, 11, 180);
        Check(nameof(MockOptions.LobbyTimeoutMinutes), options.LobbyTimeoutMinutes, 1, 1440);
        Check(nameof(MockOptions.QueueTimeoutMinutes), options.QueueTimeoutMinutes, 1, 1440);
        Check(nameof(MockOptions.FeedbackTimeoutMinutes), options.FeedbackTimeoutMinutes, 1, 1440);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        void Check(string key, int value, int min, int max)
        {
            if (value < min || value > max)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{MockOptions.SectionName}:{key}: must be from {min} to {max} minutes (got {value})"));
            }
        }
    }
}
