import 'vazirmatn/Vazirmatn-Variable-font-face.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ThisComputer } from './components/ThisComputer';

// a desk of another PC's server that did not reach it shows only the choice of what this PC is (no data here)
const modeOnly = location.hash === '#desktop-mode';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {modeOnly ? <main className="app-main"><ThisComputer alone /></main> : <App />}
  </StrictMode>,
);
