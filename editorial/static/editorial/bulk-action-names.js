// The bulk-action footer of a snippet listing counts the model's own items ("2 import
// records selected"), not "snippets": Wagtail's bulk-actions script reads the footer's
// strings from wagtailConfig.STRINGS.BULK_ACTIONS[<the footer's item type>] each time the
// selection changes, so the page's own strings replace that entry before anything is ticked.
(function () {
  const names = document.getElementById('bulk-action-names');
  const footer = document.querySelector('[data-bulk-action-footer]');
  if (!names || !footer || !window.wagtailConfig) return;
  const type = footer.getAttribute('data-bulk-action-footer');
  window.wagtailConfig.STRINGS.BULK_ACTIONS[type] = JSON.parse(names.textContent);
})();
