/** The renderer's entry: the styles and the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.js';
import './common/theme.css';
import './common/common.css';
import './library/library.css';
import './library/inference.css';
import './review/review.css';
import './tags/tags.css';
import './reader/reader.css';
import './quotes/quotes.css';
import './search/search.css';
import './export/export.css';
import './import/import.css';
// Last: the window layout and its narrow-screen rules override the views'.
import './app/app.css';

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
