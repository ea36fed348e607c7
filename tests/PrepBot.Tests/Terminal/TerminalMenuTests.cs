using PrepBot.Conversation;
using PrepBot.Terminal;

namespace PrepBot.Tests.Terminal;

public sealed class TerminalMenuTests
{
    private static readonly Reply MultipleChoice = new()
    {
        Select = new ReplySelect("pick", "Select every right answer", [new("A. one", "A"), new("B. two", "B"), new("C. three", "C")], 1, 3),
        Buttons = [new ReplyButton("Hint", "hint")],
    };

    [Fact]
    public void Menu_numbers_select_options_first_then_buttons()
    {
        var text = new TerminalMenu(MultipleChoice).Render();

        Assert.Equal("Select every right answer (type the numbers, e.g. 1,3):\n  1. A. one\n  2. B. two\n  3. C. three\n[4] Hint", text);
    }

    [Fact]
    public void Several_numbers_pick_several_options()
    {
        var (input, _) = new TerminalMenu(MultipleChoice).Choose("1, 3");

        var select = Assert.IsType<SelectInput>(input);
        Assert.Equal(["A", "C"], select.Values);
    }

    [Fact]
    public void A_number_past_the_options_presses_a_button()
    {
        var (input, _) = new TerminalMenu(MultipleChoice).Choose("4");

        Assert.Equal(new ButtonInput("hint"), input);
    }

    [Fact]
    public void Button_mixed_with_options_is_refused()
    {
        var (input, error) = new TerminalMenu(MultipleChoice).Choose("1,4");

        Assert.Null(input);
        Assert.Equal("Choose one button at a time.", error);
    }

    [Fact]
    public void Two_answers_to_a_single_choice_question_are_refused()
    {
        var single = MultipleChoice with { Select = MultipleChoice.Select! with { MaxValues = 1 } };

        var (input, error) = new TerminalMenu(single).Choose("1 2");

        Assert.Null(input);
        Assert.Equal("Choose one answer.", error);
    }

    [Fact]
    public void Text_that_is_not_a_number_says_what_is_accepted()
    {
        var (_, error) = new TerminalMenu(MultipleChoice).Choose("B");

        Assert.Equal("'B' is not on the menu: type a number from 1 to 4, or a command such as /help.", error);
    }

    [Fact]
    public void Empty_menu_points_to_commands()
    {
        var (_, error) = TerminalMenu.Empty.Choose("1");

        Assert.StartsWith("There is nothing to choose right now.", error, StringComparison.Ordinal);
    }
}
