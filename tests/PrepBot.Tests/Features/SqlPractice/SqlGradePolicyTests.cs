using PrepBot.Features.SqlPractice;
using PrepBot.Learning;

namespace PrepBot.Tests.Features.SqlPractice;

public sealed class SqlGradePolicyTests
{
    private static readonly TimeSpan Fast = TimeSpan.FromSeconds(120);

    [Fact]
    public void First_try_without_hint_within_the_fast_time_is_easy() =>
        Assert.Equal(ReviewGrade.Easy, SqlGradePolicy.ForAccepted(0, hintUsed: false, TimeSpan.FromSeconds(120), Fast));

    [Fact]
    public void First_try_without_hint_but_slower_is_good() =>
        Assert.Equal(ReviewGrade.Good, SqlGradePolicy.ForAccepted(0, hintUsed: false, TimeSpan.FromSeconds(121), Fast));

    [Fact]
    public void First_try_with_no_recorded_form_opening_is_good() =>
        Assert.Equal(ReviewGrade.Good, SqlGradePolicy.ForAccepted(0, hintUsed: false, null, Fast));

    [Fact]
    public void First_try_with_the_hint_is_hard() =>
        Assert.Equal(ReviewGrade.Hard, SqlGradePolicy.ForAccepted(0, hintUsed: true, TimeSpan.FromSeconds(5), Fast));

    [Fact]
    public void Accepted_after_an_earlier_try_is_hard() =>
        Assert.Equal(ReviewGrade.Hard, SqlGradePolicy.ForAccepted(1, hintUsed: false, TimeSpan.FromSeconds(5), Fast));

    [Fact]
    public void Giving_up_is_again() => Assert.Equal(ReviewGrade.Again, SqlGradePolicy.ForGivingUp());
}
