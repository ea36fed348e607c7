using PrepBot.Features.Mock;

namespace PrepBot.Tests.Features.Mock;

public sealed class MockOptionsValidatorTests
{
    [Fact]
    public void Defaults_are_valid()
    {
        Assert.True(new MockOptionsValidator().Validate(null, new MockOptions()).Succeeded);
    }

    [Fact]
    public void A_round_of_ten_minutes_or_less_is_refused_naming_the_key()
    {
        var result = new MockOptionsValidator().Validate(null, new MockOptions { SqlMinutes = 10 });

        Assert.True(result.Failed);
        Assert.Contains("Mock:SqlMinutes: must be from 11 to 180 minutes (got 10)", result.FailureMessage, StringComparison.Ordinal);
    }
}
