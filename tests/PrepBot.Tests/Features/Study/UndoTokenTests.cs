using PrepBot.Features.Study;

namespace PrepBot.Tests.Features.Study;

public sealed class UndoTokenTests
{
    [Fact]
    public void Token_round_trips_through_its_custom_id()
    {
        var token = new UndoToken(12, 100_000);

        Assert.True(UndoToken.TryParse(token.Format(), out var parsed));
        Assert.Equal("undo:c:255s", token.Format());
        Assert.Equal(token, parsed);
    }

    [Theory]
    [InlineData("undo:c")]
    [InlineData("undo:c:0")]
    [InlineData("undo:c:2:3")]
    [InlineData("undo::2")]
    [InlineData("study:c:2")]
    public void Malformed_ids_do_not_parse(string customId) => Assert.False(UndoToken.TryParse(customId, out _));
}
