/** Renderer entry: connects to the host's API and mounts the app. */
import './zod-jitless.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n/i18n.js';
import './styles/app.css';
import { connectToHost } from './api/api-client.js';
import { App } from './App.js';

const bridge = connectToHost();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App bridge={bridge} />
  </StrictMode>,
);
