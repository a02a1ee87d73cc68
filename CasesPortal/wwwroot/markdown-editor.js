// The Markdown editor's browser side: the selection of its text box, shortcuts, pasted or dropped screenshots,
// drafts in localStorage, tickable checkboxes and click-to-load external images in rendered Markdown.
(() => {
    const draftPrefix = 'casesPortal.draft:';
    const shortcuts = { b: 'Bold', i: 'Italic', k: 'Link' };
    const imagesOf = (list) => [...(list || [])].filter((f) => f.type && f.type.startsWith('image/'));

    // Pasted screenshots arrive as "image.png"; give them a name that says when they were taken.
    const named = (file) => {
        if (file.name && file.name !== 'image.png') return file;
        const stamp = new Date().toISOString().replace(/[:]/g, '-').replace(/\..+$/, '');
        return new File([file], `screenshot-${stamp}.${(file.type.split('/')[1] || 'png').replace('jpeg', 'jpg')}`, { type: file.type });
    };

    // Hands the files to the editor's hidden InputFile, so they upload through Blazor like any chosen file.
    const upload = (root, files) => {
        const input = root.querySelector('input.markdown-editor-upload');
        if (!input) return;
        const transfer = new DataTransfer();
        files.forEach((f) => transfer.items.add(named(f)));
        input.files = transfer.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
    };

    const saveDraft = (key, value) => {
        if (!key) return;
        try {
            if (value) localStorage.setItem(draftPrefix + key, value); else localStorage.removeItem(draftPrefix + key);
        } catch { /* storage full or disabled: the draft is simply not kept */ }
    };

    window.casesPortalMarkdown = {
        attach: (root, dotnet) => {
            if (!root || root.casesPortalEditor) return;
            const isText = (e) => e.target && e.target.tagName === 'TEXTAREA';
            const handlers = {
                keydown: (e) => {
                    if (!isText(e) || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
                    const action = shortcuts[e.key.toLowerCase()];
                    if (!action) return;
                    e.preventDefault();
                    dotnet.invokeMethodAsync('OnShortcut', action);
                },
                input: (e) => { if (isText(e)) saveDraft(root.dataset.draftKey, e.target.value); },
                paste: (e) => {
                    const files = imagesOf(e.clipboardData && e.clipboardData.files);
                    if (!isText(e) || files.length === 0 || root.dataset.uploads !== 'true') return;
                    e.preventDefault();
                    upload(root, files);
                },
                dragover: (e) => { if (root.dataset.uploads === 'true' && [...(e.dataTransfer?.types || [])].includes('Files')) e.preventDefault(); },
                // Any dropped file goes to the server, which explains that only images belong in the text.
                drop: (e) => {
                    const files = [...((e.dataTransfer && e.dataTransfer.files) || [])];
                    if (files.length === 0 || root.dataset.uploads !== 'true') return;
                    e.preventDefault();
                    upload(root, files);
                },
            };
            Object.entries(handlers).forEach(([name, handler]) => root.addEventListener(name, handler));
            root.casesPortalEditor = handlers;
            root.dataset.ready = 'true';
        },
        detach: (root) => {
            if (!root || !root.casesPortalEditor) return;
            Object.entries(root.casesPortalEditor).forEach(([name, handler]) => root.removeEventListener(name, handler));
            delete root.casesPortalEditor;
        },
        selection: (id) => {
            const box = document.getElementById(id);
            return box ? { value: box.value, start: box.selectionStart, end: box.selectionEnd } : null;
        },
        select: (id, value, start, end, draftKey) => {
            saveDraft(draftKey, value);
            const box = document.getElementById(id);
            if (!box) return;
            if (box.value !== value) box.value = value;
            box.focus();
            box.setSelectionRange(start, end);
        },
        loadDraft: (key) => { try { return localStorage.getItem(draftPrefix + key); } catch { return null; } },
        clearDraft: (key) => saveDraft(key, ''),
        // Ticking a checkbox saves the text; a refused save puts the box back as it was.
        watchTasks: (element, dotnet) => {
            if (!element || element.casesPortalTasks) return;
            element.casesPortalTasks = true;
            element.addEventListener('change', async (e) => {
                const box = e.target;
                if (!box.matches || !box.matches('input.task-list-checkbox[data-task]')) return;
                box.disabled = true;
                const saved = await dotnet.invokeMethodAsync('OnTaskTickedAsync', Number(box.dataset.task), box.checked).catch(() => false);
                if (!saved) box.checked = !box.checked;
                box.disabled = false;
            });
        },
    };

    // External images in rendered Markdown are fetched only when the reader asks, without a referrer.
    document.addEventListener('click', (e) => {
        const button = e.target.closest && e.target.closest('button.md-external-image');
        if (!button || !/^https?:\/\//i.test(button.dataset.src || '')) return;
        const image = document.createElement('img');
        image.referrerPolicy = 'no-referrer';
        image.alt = button.dataset.alt || '';
        image.className = 'md-loaded-image';
        image.src = button.dataset.src;
        button.replaceWith(image);
    });
})();
