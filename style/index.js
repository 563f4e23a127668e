// Entry point named by package.json "styleModule": the bundler imports the CSS through it.
import './base.css';
