using MudBlazor;

namespace CasesPortal.Features.Accounts.Admin;

/// <summary>Options and helpers shared by the Users page dialogs.</summary>
public static class UserDialogs
{
    public static readonly DialogOptions Options = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };

    public static async Task ShowPasswordOnceAsync(IDialogService dialogs, string email, string password)
    {
        var parameters = new DialogParameters<PasswordOnceDialog>
        {
            { d => d.Email, email },
            { d => d.Password, password },
        };
        var dialog = await dialogs.ShowAsync<PasswordOnceDialog>("Password shown once", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false });
        await dialog.Result;
    }
}
