using System.Globalization;
using Microsoft.Extensions.Options;

namespace PrepBot.Content;

/// <summary>Stops the host at start when the <c>Content</c> section is unusable; each message names its key.</summary>
public sealed class ContentOptionsValidator : IValidateOptions<ContentOptions>
{
    public ValidateOptionsResult Validate(string? name, ContentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var key = ContentOptions.SectionName + ":";
        if (string.IsNullOrWhiteSpace(options.Directory))
        {
            failures.Add($"{key}{nameof(ContentOptions.Directory)}: must name the folder that holds the cards");
        }
        else if (!Directory.Exists(options.Directory))
        {
            failures.Add($"{key}{nameof(ContentOptions.Directory)}: folder '{options.Directory}' does not exist");
        }

        if (options.ReloadDebounceMilliseconds is < ContentOptions.MinReloadDebounceMilliseconds or > ContentOptions.MaxReloadDebounceMilliseconds)
        {
            failures.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{key}{nameof(ContentOptions.ReloadDebounceMilliseconds)}: must be from {ContentOptions.MinReloadDebounceMilliseconds} to {ContentOptions.MaxReloadDebounceMilliseconds} (got {options.ReloadDebounceMilliseconds})"));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
