using PrepBot.Discord.Models;

namespace PrepBot.Discord.Tests.Models;

public sealed class InteractionTests
{
    [Fact]
    public void Modal_submit_text_inputs_are_read_from_labels()
    {
        const string json = """
            {"id":"1","application_id":"2","type":5,"token":"t","version":1,
             "member":{"user":{"id":"42","username":"ada"},"permissions":"32"},
             "data":{"custom_id":"sql:card-1","components":[
               {"type":18,"id":1,"component":{"type":4,"id":2,"custom_id":"query","value":"SELECT 1"}},
               {"type":18,"id":3,"component":{"type":4,"id":4,"custom_id":"notes","value":""}}]}}
            """;

        var interaction = DiscordJson.Deserialize<Interaction>(json)!;

        var inputs = interaction.Data!.GetTextInputs();
        Assert.Equal("SELECT 1", inputs["query"]);
        Assert.Equal(string.Empty, inputs["notes"]);
        Assert.Equal(new Snowflake(42), interaction.Invoker!.Id);
        Assert.True(interaction.MemberHas(DiscordPermissions.ManageGuild));
    }

    [Fact]
    public void Modal_submit_text_inputs_are_read_from_action_rows_in_older_payloads()
    {
        const string json = """
            {"id":"1","application_id":"2","type":5,"token":"t","user":{"id":"7","username":"bo"},
             "data":{"custom_id":"star","components":[{"type":1,"components":[{"type":4,"custom_id":"situation","value":"On call"}]}]}}
            """;

        var interaction = DiscordJson.Deserialize<Interaction>(json)!;

        Assert.Equal("On call", interaction.Data!.GetTextInputs()["situation"]);
        Assert.False(interaction.MemberHas(DiscordPermissions.ManageGuild));
    }

    [Fact]
    public void Subcommand_path_and_typed_options_are_read_from_nested_options()
    {
        const string json = """
            {"id":"1","application_id":"2","type":2,"token":"t","guild_id":"99","data":{"id":"5","name":"prep","type":1,"options":[
              {"name":"quiz","type":1,"options":[{"name":"topic","type":3,"value":"sql"},{"name":"count","type":4,"value":3},{"name":"hard","type":5,"value":true}]}]}}
            """;

        var interaction = DiscordJson.Deserialize<Interaction>(json)!;
        var (path, options) = interaction.Data!.GetSubcommandAndOptions();

        Assert.Equal(["quiz"], path);
        Assert.Equal("sql", options.Single(o => o.Name == "topic").GetString());
        Assert.Equal(3, options.Single(o => o.Name == "count").GetInt64());
        Assert.True(options.Single(o => o.Name == "hard").GetBoolean());
        Assert.Equal(new Snowflake(99), interaction.GuildId);
    }

    [Fact]
    public void Button_click_carries_custom_id_and_component_type()
    {
        const string json = """{"id":"1","application_id":"2","type":3,"token":"t","data":{"custom_id":"grade:4","component_type":2},"message":{"id":"8","channel_id":"9","content":"Q"}}""";

        var interaction = DiscordJson.Deserialize<Interaction>(json)!;

        Assert.Equal(InteractionType.MessageComponent, interaction.Type);
        Assert.Equal("grade:4", interaction.Data!.CustomId);
        Assert.Equal(ComponentType.Button, interaction.Data.ComponentType);
        Assert.Equal(new Snowflake(8), interaction.Message!.Id);
    }

    [Fact]
    public void Message_create_is_written_in_snake_case_without_nulls_and_with_string_snowflakes()
    {
        var message = new MessageCreate
        {
            Content = "Q1",
            AllowedMentions = AllowedMentions.OnlyUsers(new Snowflake(123)),
            Components = [Component.ActionRow(Component.Button(ButtonStyle.Primary, "reveal", "Reveal"))],
        }.WithNonce("abc");

        var json = DiscordJson.Serialize(message);

        Assert.Equal(
            """{"content":"Q1","nonce":"abc","enforce_nonce":true,"allowed_mentions":{"parse":[],"users":["123"]},"components":[{"type":1,"components":[{"type":2,"custom_id":"reveal","style":1,"label":"Reveal"}]}]}""",
            json);
    }

    [Fact]
    public void Default_member_permissions_are_written_as_a_decimal_string()
    {
        var json = DiscordJson.Serialize(new ApplicationCommand { Name = "admin", Description = "Admin", DefaultMemberPermissions = DiscordPermissions.ManageGuild });

        Assert.Contains("\"default_member_permissions\":\"32\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Snowflake_tells_its_creation_time()
    {
        var id = Snowflake.Parse("175928847299117063");

        Assert.Equal(DateTimeOffset.Parse("2016-04-30T11:18:25.796Z", System.Globalization.CultureInfo.InvariantCulture), id.CreatedAt);
    }
}
