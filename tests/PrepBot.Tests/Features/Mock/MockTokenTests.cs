using PrepBot.Features.Mock;

namespace PrepBot.Tests.Features.Mock;

public sealed class MockTokenTests
{
    [Theory]
    [InlineData(MockAction.JoinAsInterviewer, "mock:ji:42:1")]
    [InlineData(MockAction.JoinAsCandidate, "mock:jc:42:1")]
    [InlineData(MockAction.End, "mock:end:42:1")]
    [InlineData(MockAction.Feedback, "mock:fb:42:1")]
    [InlineData(MockAction.SubmitFeedback, "mock:fbm:42:1")]
    [InlineData(MockAction.SeeFeedback, "mock:see:42:1")]
    [InlineData(MockAction.Swap, "mock:swap:42:1")]
    [InlineData(MockAction.Notes, "mock:notes:42:1")]
    public void Every_action_formats_and_parses_back(MockAction action, string customId)
    {
        var token = new MockToken(action, 42, 1);

        Assert.Equal(customId, token.Format());
        Assert.True(MockToken.TryParse(customId, out var parsed));
        Assert.Equal(token, parsed);
    }

    [Theory]
    [InlineData("mock:fb:42")]
    [InlineData("mock:fb:42:3")]
    [InlineData("mock:fb:0:1")]
    [InlineData("mock:fb:-4:1")]
    [InlineData("mock:fb:4x:1")]
    [InlineData("mock:dance:42:1")]
    [InlineData("mock:fb:42:1:extra")]
    [InlineData("study:fb:42:1")]
    [InlineData("mock:fb:99999999999999999999:1")]
    public void Anything_else_is_not_a_mock_token(string customId)
    {
        Assert.False(MockToken.TryParse(customId, out _));
    }

    [Fact]
    public void The_longest_id_stays_within_discords_100_characters()
    {
        Assert.InRange(new MockToken(MockAction.Notes, long.MaxValue, 2).Format().Length, 1, 100);
    }
}
