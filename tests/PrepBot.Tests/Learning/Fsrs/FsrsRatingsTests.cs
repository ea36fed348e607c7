using PrepBot.Learning;
using PrepBot.Learning.Fsrs;

namespace PrepBot.Tests.Learning.Fsrs;

public sealed class FsrsRatingsTests
{
    [Theory]
    [InlineData(0, FsrsRating.Again)]
    [InlineData(1, FsrsRating.Again)]
    [InlineData(2, FsrsRating.Again)]
    [InlineData(3, FsrsRating.Hard)]
    [InlineData(4, FsrsRating.Good)]
    [InlineData(5, FsrsRating.Easy)]
    public void Sm2_quality_maps_failures_to_again_and_passes_to_hard_good_easy(int quality, FsrsRating expected)
    {
        Assert.Equal(expected, FsrsRatings.FromSm2Quality(quality));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(6)]
    public void A_quality_outside_zero_to_five_is_refused_with_the_value(int quality)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => FsrsRatings.FromSm2Quality(quality));

        Assert.Equal("quality", error.ParamName);
        Assert.Contains($"got {quality}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReviewGrade.Again, FsrsRating.Again)]
    [InlineData(ReviewGrade.Hard, FsrsRating.Hard)]
    [InlineData(ReviewGrade.Good, FsrsRating.Good)]
    [InlineData(ReviewGrade.Easy, FsrsRating.Easy)]
    public void Each_button_maps_to_the_fsrs_rating_of_the_same_name(ReviewGrade grade, FsrsRating expected)
    {
        Assert.Equal(expected, FsrsRatings.FromGrade(grade));
    }

    [Fact]
    public void Ratings_carry_the_numbers_the_formulas_use()
    {
        Assert.Equal([1, 2, 3, 4], Enum.GetValues<FsrsRating>().Select(r => (int)r));
    }
}
