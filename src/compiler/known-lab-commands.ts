/**
 * JupyterLab 4.6's own command ids, by namespace: those its menus, toolbars,
 * context menus and shortcuts name in its settings schemas. `::point` warns
 * about any other id, since a typo there points at nothing; an extension's
 * command is not in this list, so it is a warning, not an error, and the
 * player says so in words when it finds no such command.
 */
const BY_NAMESPACE: Record<string, string> = {
  application:
    'activate-next-tab activate-next-tab-bar activate-previous-tab activate-previous-tab-bar close close-all close-other-tabs close-right-tabs move-widget reset-layout set-activity-bar-position split-tab toggle-down-area toggle-fullscreen-mode toggle-header toggle-left-area toggle-mode toggle-presentation-mode toggle-right-area toggle-side-tabbar toggle-sidebar-widget',
  apputils: 'activate-command-palette adaptive-theme decr-font-size display-notifications display-shortcuts incr-font-size print theme-scrollbars',
  'cell-toolbar': 'delete',
  codemirror:
    'delete-line fold-all fold-current fold-subregions markdown-toggle-bold select-next-occurrence toggle-block-comment toggle-comment unfold-all unfold-current unfold-subregions',
  completer: 'invoke-console invoke-file invoke-notebook',
  console: 'clear create interaction-mode linebreak redo restart-kernel run-forced run-unforced toggle-show-all-kernel-activity undo',
  debugger: 'continue copy-to-clipboard copy-to-globals inspect-variable next render-mime-variable restart-debug show-panel stepIn stepOut terminate',
  docmanager: 'clone delete download duplicate reload rename restore-checkpoint save save-all save-as show-in-file-browser toggle-autosave',
  documentsearch: 'end highlightNext highlightPrevious start startWithReplace toggleSearchInSelection',
  editmenu: 'clear-all clear-current find find-and-replace go-to-line redo undo',
  extensionmanager: 'show-panel toggle',
  filebrowser:
    'copy copy-download-link copy-path create-new-directory create-new-file cut delete download duplicate go-up open open-browser-tab open-path open-url paste refresh rename select-all share-main shutdown toggle-date-created toggle-file-checkboxes toggle-file-filter toggle-file-size toggle-hidden-files toggle-last-modified toggle-main toggle-navigate-to-current-directory toggle-sort-notebooks-first',
  fileeditor:
    'change-font-size change-tabs copy create-console create-new create-new-markdown-file cut markdown-preview paste redo select-all toggle-autoclosing-brackets-universal undo',
  filemenu: 'close-and-cleanup create-console logout shutdown',
  help: 'about jupyter-forum',
  hub: 'control-panel logout',
  imageviewer: 'flip-horizontal flip-vertical invert-colors reset-image rotate-clockwise rotate-counterclockwise zoom-in zoom-out',
  'inline-completer': 'accept invoke next previous',
  inspector: 'toggle',
  kernelmenu: 'change interrupt reconnect-to-kernel restart restart-and-clear shutdown shutdownAll',
  launcher: 'create',
  logconsole: 'add-checkpoint clear open set-level',
  markdownviewer: 'edit',
  mathjax: 'clipboard scale',
  notebook:
    'access-next-history-entry access-previous-history-entry change-cell-to-code change-cell-to-heading-1 change-cell-to-heading-2 change-cell-to-heading-3 change-cell-to-heading-4 change-cell-to-heading-5 change-cell-to-heading-6 change-cell-to-markdown change-cell-to-raw clear-cell-output collapse-all-headings copy-cell copy-selected-text create-console create-new create-output-view create-subshell-console cut-cell cut-selected-text delete-cell deselect-all duplicate-below enter-command-mode enter-edit-mode expand-all-headings extend-marked-cells-above extend-marked-cells-below extend-marked-cells-bottom extend-marked-cells-top hide-all-cell-code hide-all-cell-outputs hide-cell-code hide-cell-outputs insert-cell-above insert-cell-below insert-heading-above insert-heading-below interrupt-kernel merge-cell-above merge-cell-below merge-cells move-cell-down move-cell-up move-cursor-down move-cursor-heading-above-or-collapse move-cursor-heading-below-or-expand move-cursor-up paste-and-replace-cell paste-cell-above paste-cell-below paste-text redo-cell-action render-all-markdown restart-and-run-to-selected restart-kernel restart-run-all run-all-above run-all-below run-cell run-cell-and-insert-below run-cell-and-select-next run-in-console select-all show-all-cell-code show-all-cell-outputs show-cell-code show-cell-outputs split-cell-at-cursor toggle-output-scrolling toggle-render-side-by-side-current undo-cell-action',
  'property-inspector': 'show-panel',
  recentmenu: 'reopen-last',
  runmenu: 'restart-and-run-all run run-all',
  running: 'kernel-new-console kernel-new-notebook kernel-shut-down show-modal show-panel',
  settingeditor: 'open save',
  shortcuts: 'add-keybinding delete-keybinding edit-keybinding reset-all toggle-selectors',
  sidebar: 'switch',
  statusbar: 'toggle',
  tabsmenu: 'activate-previously-used-tab',
  terminal: 'copy open-folder-in-terminal paste refresh',
  toc: 'run-cells show-panel',
  tooltip: 'dismiss launch-console launch-file launch-notebook',
  viewmenu: 'line-numbering match-brackets show-minimap word-wrap',
  'workspace-indicator': 'toggle',
  'workspace-ui': 'clone create-new delete export import open rename reset save save-as'
};

/** Every known command id, as `namespace:name`. */
export const LAB_COMMANDS: ReadonlySet<string> = new Set(
  Object.entries(BY_NAMESPACE).flatMap(([namespace, names]) => names.split(' ').map(name => `${namespace}:${name}`))
);
