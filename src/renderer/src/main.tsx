import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PlaceholderLibrary } from './placeholder-library.js';

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><PlaceholderLibrary /></StrictMode>);
