using MudBlazor;

namespace CasesPortal.Components.Layout;

/// <summary>The portal's look: a calm blue for work that is read all shift, system fonts (no downloads).</summary>
public static class PortalTheme
{
    private static readonly string[] FontStack = ["Inter", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5fbf",
            Secondary = "#6b4fbb",
            AppbarBackground = "#14233c",
            AppbarText = "#ffffff",
            Background = "#f4f6fa",
            DrawerBackground = "#ffffff",
            DrawerText = "rgba(0,0,0,0.8)",
            TextPrimary = "rgba(0,0,0,0.87)",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#6ea8ff",
            Secondary = "#a78bfa",
            AppbarBackground = "#0f1726",
            Background = "#111827",
            Surface = "#1b2333",
            DrawerBackground = "#161e2d",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontStack },
            H1 = new H1Typography { FontFamily = FontStack },
            H2 = new H2Typography { FontFamily = FontStack },
            H3 = new H3Typography { FontFamily = FontStack },
            H4 = new H4Typography { FontFamily = FontStack },
            H5 = new H5Typography { FontFamily = FontStack, FontWeight = "600" },
            H6 = new H6Typography { FontFamily = FontStack, FontWeight = "600" },
            Button = new ButtonTypography { FontFamily = FontStack, TextTransform = "none" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
